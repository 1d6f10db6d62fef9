import { z } from "zod";
import { phrase, term } from "@/lib/i18n/message";
import { flavors, storageClasses } from "@/lib/resources/options";
import { hasControlCharacters, id, requiredText } from "@/lib/validation";

const selectRegion = phrase("validation.scopeChoice.region");

const placement = {
  // Looked up in the database, which refuses \u0000 in text.
  regionId: z
    .string({ error: selectRegion })
    .min(1, selectRegion)
    .max(64, selectRegion)
    .refine((v) => !hasControlCharacters(v), selectRegion),
  enterpriseProjectId: id("enterpriseProject"),
};

export const createInstanceInput = z.object({
  name: requiredText("instanceName", 64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, phrase("validation.resources.instanceNameCharacters")),
  flavor: z.enum(flavors, { error: phrase("validation.resources.selectFlavor") }),
  ...placement,
});

const bucketNameLength = phrase("validation.resources.bucketNameLength");

export const createBucketInput = z.object({
  name: z
    .string({ error: phrase("validation.required", { field: term("validation.fields.bucketName") }) })
    .trim()
    .min(3, bucketNameLength)
    .max(63, bucketNameLength)
    .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, phrase("validation.resources.bucketNameCharacters"))
    .refine((n) => !/\.\.|\.-|-\./.test(n), phrase("validation.resources.bucketNamePeriods"))
    .refine((n) => !/^\d+\.\d+\.\d+\.\d+$/.test(n), phrase("validation.resources.bucketNameIp")),
  storageClass: z.enum(storageClasses, { error: phrase("validation.resources.selectStorageClass") }),
  ...placement,
});

export const instanceIdInput = z.object({ instanceId: id("instance") });

export const bucketIdInput = z.object({ bucketId: id("bucket") });
