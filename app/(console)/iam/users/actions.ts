"use server";
import { action } from "@/app/_lib/action";
import { addUserToGroup, removeUserFromGroup } from "@/lib/iam/groups";
import { resetUserPassword } from "@/lib/iam/passwords";
import { createUser, deleteUser } from "@/lib/iam/users";

const paths = ["/iam/users", "/iam/groups"];

export const createUserAction = action(createUser, { revalidate: paths, success: (user, t) => t("iam.users.toast.created", { name: user.name }) });

export const deleteUserAction = action(deleteUser, { revalidate: paths, success: (_, t) => t("iam.users.toast.deleted") });

export const addUserToGroupAction = action(addUserToGroup, { revalidate: paths, success: (_, t) => t("iam.users.toast.addedToGroup") });

export const removeUserFromGroupAction = action(removeUserFromGroup, { revalidate: paths, success: (_, t) => t("iam.users.toast.removedFromGroup") });

export const resetPasswordAction = action(resetUserPassword, {
  revalidate: paths,
  success: ({ userName }, t) => t("iam.users.toast.passwordReset", { name: userName }),
});
