"use server";
import { action } from "@/app/_lib/action";
import { createGroup, deleteGroup, grantPolicyToGroup, revokeGrant } from "@/lib/iam/groups";

const paths = ["/iam/groups", "/iam/users"];

export const createGroupAction = action(createGroup, { revalidate: paths, redirectTo: (group) => `/iam/groups/${group.id}` });

export const deleteGroupAction = action(deleteGroup, { revalidate: paths, redirectTo: () => "/iam/groups" });

export const grantPolicyAction = action(grantPolicyToGroup, { revalidate: paths, success: (_, t) => t("iam.groups.toast.granted") });

export const revokeGrantAction = action(revokeGrant, { revalidate: paths, success: (_, t) => t("iam.groups.toast.revoked") });
