import { z } from "zod";
import { accessKeyStatuses } from "@/db/schema";
import { id } from "@/lib/validation";

export const accessKeyIdField = z.string({ error: "Select an access key." }).regex(/^[A-Z0-9]{20}$/, "Select an access key.");

export const ownAccessKeyInput = z.object({ accessKeyId: accessKeyIdField });
export const ownAccessKeyStatusInput = ownAccessKeyInput.extend({ status: z.enum(accessKeyStatuses, { error: "Select Active or Inactive." }) });
export const userAccessKeysInput = z.object({ userId: id("user") });
export const userAccessKeyInput = userAccessKeysInput.extend({ accessKeyId: accessKeyIdField });
export const userAccessKeyStatusInput = userAccessKeyInput.extend({ status: z.enum(accessKeyStatuses, { error: "Select Active or Inactive." }) });
