"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import { endOtherSignIns, endOwnSignIn, endSignInInput } from "@/lib/auth/sign-in-management";

// A principal's own sign-ins, whichever account it is switched into at the moment.
export const endOtherSignInsAction = action(
  z.object({}),
  async (_input, { db, caller, loginId }) => endOtherSignIns(db, caller, loginId),
  {
    whenRoleEnded: "run",
    revalidate: ["/account/sessions"],
    success: (ended) => (ended === 0 ? "You had no other active sessions." : `Signed out ${ended} other session${ended === 1 ? "" : "s"}.`),
  },
);

export const endSignInAction = action(endSignInInput, async (input, { db, caller, loginId }) => endOwnSignIn(db, caller, input, loginId), {
  whenRoleEnded: "run",
  revalidate: ["/account/sessions"],
  success: () => "Signed out that session.",
});
