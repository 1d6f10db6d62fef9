"use server";
import { action } from "@/app/_lib/action";
import { endUserSignIns, endUserSignInsInput } from "@/lib/auth/sign-in-management";

export const endUserSignInsAction = action(endUserSignInsInput, async (input, { db, caller }) => endUserSignIns(db, caller, input), {
  revalidate: ["/iam/users"],
  success: ({ userName, ended }) =>
    ended === 0 ? `${userName} had no active sessions.` : `Signed ${userName} out of ${ended} session${ended === 1 ? "" : "s"}.`,
});
