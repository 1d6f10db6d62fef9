"use server";
import { action } from "@/app/_lib/action";
import { endOtherSignIns, endOwnSignIn } from "@/lib/auth/sign-in-management";

// A principal's own sign-ins, whichever account it is switched into at the moment.
export const endOtherSignInsAction = action(endOtherSignIns, {
  whenRoleEnded: "run",
  revalidate: ["/account/sessions"],
  success: (ended) => (ended === 0 ? "You had no other active sessions." : `Signed out ${ended} other session${ended === 1 ? "" : "s"}.`),
});

export const endSignInAction = action(endOwnSignIn, { whenRoleEnded: "run", revalidate: ["/account/sessions"], success: () => "Signed out that session." });
