"use server";
import { action } from "@/app/_lib/action";
import { changeOwnPassword } from "@/lib/iam/passwords";

// The principal's own password, whichever account it is switched into at the moment.
export const changePasswordAction = action(changeOwnPassword, {
  whenRoleEnded: "run",
  revalidate: ["/account/sessions"],
  success: () => "Password changed. Your other sessions were signed out; this one stays signed in.",
});
