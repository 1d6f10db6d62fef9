"use server";
import { action } from "@/app/_lib/action";
import { addUserToGroup, removeUserFromGroup } from "@/lib/iam/groups";
import { resetUserPassword } from "@/lib/iam/passwords";
import { createUser, deleteUser } from "@/lib/iam/users";

const paths = ["/iam/users", "/iam/groups"];

export const createUserAction = action(createUser, { revalidate: paths, success: (user) => `User ${user.name} created.` });

export const deleteUserAction = action(deleteUser, { revalidate: paths, success: () => "User deleted." });

export const addUserToGroupAction = action(addUserToGroup, { revalidate: paths, success: () => "User added to the group." });

export const removeUserFromGroupAction = action(removeUserFromGroup, { revalidate: paths, success: () => "User removed from the group." });

export const resetPasswordAction = action(resetUserPassword, {
  revalidate: paths,
  success: ({ userName }) => `Password of ${userName} reset; ${userName} was signed out everywhere.`,
});
