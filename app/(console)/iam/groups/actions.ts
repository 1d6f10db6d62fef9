"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import { createGroup, deleteGroup, grantPolicyToGroup, revokeGrant } from "@/lib/iam/groups";
import { createGroupInput, grantInput } from "@/lib/iam/schemas";

const paths = ["/iam/groups", "/iam/users"];

export const createGroupAction = action(createGroupInput, (input, { db, caller }) => createGroup(db, caller, input), {
  revalidate: paths,
  redirectTo: (group) => `/iam/groups/${group.id}`,
});

export const deleteGroupAction = action(z.object({ groupId: z.string() }), (input, { db, caller }) => deleteGroup(db, caller, input.groupId), {
  revalidate: paths,
  redirectTo: () => "/iam/groups",
});

export const grantPolicyAction = action(grantInput, (input, { db, caller }) => grantPolicyToGroup(db, caller, input), {
  revalidate: paths,
  success: () => "Permission granted.",
});

export const revokeGrantAction = action(z.object({ grantId: z.string() }), (input, { db, caller }) => revokeGrant(db, caller, input.grantId), {
  revalidate: paths,
  success: () => "Permission removed.",
});
