"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import { addUserToGroup, removeUserFromGroup } from "@/lib/iam/groups";
import { createUserInput, membershipInput } from "@/lib/iam/schemas";
import { createUser, deleteUser } from "@/lib/iam/users";
import { resetPasswordInput, resetUserPassword } from "@/lib/iam/passwords";

const paths = ["/iam/users", "/iam/groups"];

export const createUserAction = action(createUserInput, (input, { db, caller }) => createUser(db, caller, input), {
  revalidate: paths,
  success: (user) => `User ${user.name} created.`,
});

export const deleteUserAction = action(z.object({ userId: z.string() }), (input, { db, caller }) => deleteUser(db, caller, input.userId), {
  revalidate: paths,
  success: () => "User deleted.",
});

export const addUserToGroupAction = action(membershipInput, (input, { db, caller }) => addUserToGroup(db, caller, input), {
  revalidate: paths,
  success: () => "User added to the group.",
});

export const removeUserFromGroupAction = action(membershipInput, (input, { db, caller }) => removeUserFromGroup(db, caller, input), {
  revalidate: paths,
  success: () => "User removed from the group.",
});

export const resetPasswordAction = action(resetPasswordInput, (input, { db, caller }) => resetUserPassword(db, caller, input), {
  revalidate: paths,
  success: ({ userName }) => `Password of ${userName} reset; ${userName} was signed out everywhere.`,
});
