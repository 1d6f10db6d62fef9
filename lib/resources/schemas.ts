import { z } from "zod";
import { flavors, storageClasses } from "@/lib/resources/options";
import { hasControlCharacters, id, requiredText } from "@/lib/validation";

const placement = {
  // Looked up in the database, which refuses \u0000 in text.
  regionId: z
    .string({ error: "Select a region." })
    .min(1, "Select a region.")
    .max(64, "Select a region.")
    .refine((v) => !hasControlCharacters(v), "Select a region."),
  enterpriseProjectId: id("enterprise project"),
};

export const createInstanceInput = z.object({
  name: requiredText("Instance name", 64).regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    "Instance name must start with a letter or digit and contain only letters, digits, hyphens (-), underscores (_) and periods (.).",
  ),
  flavor: z.enum(flavors, { error: "Select a flavor." }),
  ...placement,
});

export const createBucketInput = z.object({
  name: z
    .string({ error: "Bucket name is required." })
    .trim()
    .min(3, "Bucket name must be 3 to 63 characters.")
    .max(63, "Bucket name must be 3 to 63 characters.")
    .regex(
      /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
      "Bucket name may contain only lowercase letters, digits, hyphens (-) and periods (.), and must start and end with a letter or digit.",
    )
    .refine((n) => !/\.\.|\.-|-\./.test(n), "Bucket name cannot contain consecutive periods or a period next to a hyphen.")
    .refine((n) => !/^\d+\.\d+\.\d+\.\d+$/.test(n), "Bucket name cannot look like an IP address."),
  storageClass: z.enum(storageClasses, { error: "Select a storage class." }),
  ...placement,
});

export const instanceIdInput = z.object({ instanceId: id("instance") });

export const bucketIdInput = z.object({ bucketId: id("bucket") });
