import { z } from "zod";
import { roleColours } from "@/db/schema";
import { id, requiredText } from "@/lib/validation";

export const switchRoleInput = z.object({
  accountName: requiredText("Account name", 64),
  agencyName: requiredText("Agency name", 64),
});

export const endRoleSessionInput = z.object({ agencyId: id("agency"), roleSessionId: id("session") });

export const pinRoleInput = switchRoleInput.extend({
  // Shown as who one is acting as: no invisible or direction-changing characters that would make it read as something else.
  displayName: requiredText("Display name", 64).refine((v) => !/\p{Cf}/u.test(v), "Display name must not contain invisible or direction-changing characters."),
  colour: z.enum(roleColours, { error: "Select a colour." }),
});

export const unpinRoleInput = switchRoleInput;
