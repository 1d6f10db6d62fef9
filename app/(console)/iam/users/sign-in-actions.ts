"use server";
import { action } from "@/app/_lib/action";
import { endUserSignIns } from "@/lib/auth/sign-in-management";

export const endUserSignInsAction = action(endUserSignIns, {
  revalidate: ["/iam/users"],
  success: ({ userName, ended }) =>
    ended === 0 ? `${userName} had no active sessions.` : `Signed ${userName} out of ${ended} session${ended === 1 ? "" : "s"}.`,
});
