import { z } from "zod";
import { roleColours } from "@/db/schema";
import { phrase } from "@/lib/i18n/message";
import { id, requiredText } from "@/lib/validation";

export const switchRoleInput = z.object({
  accountName: requiredText("accountName", 64),
  agencyName: requiredText("agencyName", 64),
});

/** Switch Role, or the API asking for temporary credentials that last `durationSeconds` (a number: forms cannot set it). */
export const assumeRoleInput = switchRoleInput.extend({
  durationSeconds: z
    .number({ error: phrase("validation.roles.durationNumber") })
    .int(phrase("validation.roles.durationWhole"))
    .min(900, phrase("validation.roles.durationMin", { min: 900 }))
    .max(43_200, phrase("validation.roles.durationMax", { max: 43_200 }))
    .optional(),
});

export const endRoleSessionInput = z.object({ agencyId: id("agency"), roleSessionId: id("session") });

export const pinRoleInput = switchRoleInput.extend({
  // Shown as who one is acting as: no invisible or direction-changing characters that would make it read as something else.
  displayName: requiredText("displayName", 64).refine((v) => !/\p{Cf}/u.test(v), phrase("validation.roles.displayNameInvisible")),
  colour: z.enum(roleColours, { error: phrase("validation.roles.selectColour") }),
});

export const unpinRoleInput = switchRoleInput;
