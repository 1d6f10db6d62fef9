"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import { policyInput } from "@/lib/iam/schemas";
import { createPolicy, deletePolicy, updatePolicy } from "@/lib/iam/policies";

const paths = ["/iam/policies"];

export const createPolicyAction = action(policyInput, (input, { db, caller }) => createPolicy(db, caller, input), {
  revalidate: paths,
  redirectTo: (policy) => `/iam/policies/${policy.id}`,
});

export const updatePolicyAction = action(
  policyInput.extend({ policyId: z.string() }),
  ({ policyId, ...input }, { db, caller }) => updatePolicy(db, caller, policyId, input),
  { revalidate: paths, success: () => "Policy saved." },
);

export const deletePolicyAction = action(z.object({ policyId: z.string() }), (input, { db, caller }) => deletePolicy(db, caller, input.policyId), {
  revalidate: paths,
  redirectTo: () => "/iam/policies",
});
