import { z } from "zod";
import { id, requiredText } from "@/lib/validation";

export const switchRoleInput = z.object({
  accountName: requiredText("Account name", 64),
  agencyName: requiredText("Agency name", 64),
});

export const endRoleSessionInput = z.object({ agencyId: id("agency"), roleSessionId: id("session") });
