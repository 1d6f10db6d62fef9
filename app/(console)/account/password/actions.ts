"use server";
import { action } from "@/app/_lib/action";
import { changeOwnPassword, changePasswordInput } from "@/lib/iam/passwords";

// The principal's own password, whichever account it is switched into at the moment.
export const changePasswordAction = action(changePasswordInput, (input, { db, caller, loginId }) => changeOwnPassword(db, caller, input, loginId), {
  whenRoleEnded: "run",
  revalidate: ["/account/sessions"],
  success: () => "Password changed. Your other sessions were signed out; this one stays signed in.",
});
