"use server";
import { action } from "@/app/_lib/action";
import { endOtherSignIns, endOwnSignIn } from "@/lib/auth/sign-in-management";

// A principal's own sign-ins, whichever account it is switched into at the moment.
export const endOtherSignInsAction = action(endOtherSignIns, {
  whenRoleEnded: "run",
  revalidate: ["/account/sessions"],
  success: (ended, t) => (ended === 0 ? t("account.sessions.toast.noOthers") : t("account.sessions.toast.signedOutOthers", { count: ended })),
});

export const endSignInAction = action(endOwnSignIn, {
  whenRoleEnded: "run",
  revalidate: ["/account/sessions"],
  success: (_, t) => t("account.sessions.toast.signedOut"),
});
