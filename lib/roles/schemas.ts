import { z } from "zod";
import { roleColours } from "@/db/schema";
import { id, requiredText } from "@/lib/validation";

export const switchRoleInput = z.object({
  accountName: requiredText("Account name", 64),
  agencyName: requiredText("Agency name", 64),
});

export const endRoleSessionInput = z.object({ agencyId: id("agency"), roleSessionId: id("session") });

export const pinRoleInput = switchRoleInput.extend({
  displayName: requiredText("Display name", 64),
  colour: z.enum(roleColours, { error: "Select a colour." }),
});

export const unpinRoleInput = switchRoleInput;
