"use server";
import { action } from "@/app/_lib/action";
import { createPolicy, deletePolicy, updatePolicy } from "@/lib/iam/policies";

const paths = ["/iam/policies"];

export const createPolicyAction = action(createPolicy, { revalidate: paths, redirectTo: (policy) => `/iam/policies/${policy.id}` });

export const updatePolicyAction = action(updatePolicy, { revalidate: paths, success: (_, t) => t("iam.policies.toast.saved") });

export const deletePolicyAction = action(deletePolicy, { revalidate: paths, redirectTo: () => "/iam/policies" });
