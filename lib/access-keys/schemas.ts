import { z } from "zod";
import { accessKeyStatuses } from "@/db/schema";
import { phrase } from "@/lib/i18n/message";
import { id } from "@/lib/validation";

const selectKey = phrase("validation.accessKeys.select");
const selectStatus = phrase("validation.accessKeys.selectStatus");

export const accessKeyIdField = z.string({ error: selectKey }).regex(/^[A-Z0-9]{20}$/, selectKey);

export const ownAccessKeyInput = z.object({ accessKeyId: accessKeyIdField });
export const ownAccessKeyStatusInput = ownAccessKeyInput.extend({ status: z.enum(accessKeyStatuses, { error: selectStatus }) });
export const userAccessKeysInput = z.object({ userId: id("user") });
export const userAccessKeyInput = userAccessKeysInput.extend({ accessKeyId: accessKeyIdField });
export const userAccessKeyStatusInput = userAccessKeyInput.extend({ status: z.enum(accessKeyStatuses, { error: selectStatus }) });
