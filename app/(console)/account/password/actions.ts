"use server";
import { action } from "@/app/_lib/action";
import { changeOwnPassword } from "@/lib/iam/passwords";

// The principal's own password, whichever account it is switched into at the moment.
export const changePasswordAction = action(changeOwnPassword, {
  whenRoleEnded: "run",
  revalidate: ["/account/sessions"],
  success: (_, t) => t("account.password.toast.changed"),
});
