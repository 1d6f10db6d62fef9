"use server";
import { action } from "@/app/_lib/action";
import { endUserSignIns } from "@/lib/auth/sign-in-management";

export const endUserSignInsAction = action(endUserSignIns, {
  revalidate: ["/iam/users"],
  success: ({ userName, ended }, t) =>
    ended === 0 ? t("iam.users.toast.noSessions", { name: userName }) : t("iam.users.toast.signedOut", { name: userName, count: ended }),
});
