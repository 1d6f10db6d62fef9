"use server";
import { action } from "@/app/_lib/action";
import { markNotificationsRead } from "@/lib/notifications/notifications";

export const markNotificationsReadAction = action(markNotificationsRead, {
  whenRoleEnded: "run",
  revalidate: ["/"],
  success: (_, t) => t("notifications.toast.markedRead"),
});
