import { z } from "zod";
import { roleColours } from "@/db/schema";
import { id, requiredText } from "@/lib/validation";

export const switchRoleInput = z.object({
  accountName: requiredText("Account name", 64),
  agencyName: requiredText("Agency name", 64),
});

/** Switch Role, or the API asking for temporary credentials that last `durationSeconds` (a number: forms cannot set it). */
export const assumeRoleInput = switchRoleInput.extend({
  durationSeconds: z
    .number({ error: "Duration must be a number of seconds." })
    .int("Duration must be a whole number of seconds.")
    .min(900, "Duration must be at least 900 seconds.")
    .max(43_200, "Duration must be at most 43,200 seconds.")
    .optional(),
});

export const endRoleSessionInput = z.object({ agencyId: id("agency"), roleSessionId: id("session") });

export const pinRoleInput = switchRoleInput.extend({
  // Shown as who one is acting as: no invisible or direction-changing characters that would make it read as something else.
  displayName: requiredText("Display name", 64).refine((v) => !/\p{Cf}/u.test(v), "Display name must not contain invisible or direction-changing characters."),
  colour: z.enum(roleColours, { error: "Select a colour." }),
});

export const unpinRoleInput = switchRoleInput;
