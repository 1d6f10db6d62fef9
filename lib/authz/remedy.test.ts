import { expect, test } from "vitest";
import { narrowestPolicyFor, remedyFor } from "@/lib/authz/remedy";
import { said } from "@/tests/helpers/english";

test.each([
  ["ecs:instances:list", "ECS ReadOnlyAccess"],
  ["ecs:instances:stop", "ECS FullAccess"],
  ["obs:buckets:list", "OBS ReadOnlyAccess"],
  ["iam:agencies:assume", "Agent Operator"],
  ["iam:users:list", "IAM ReadOnlyAccess"],
  ["resourcemanager:RegisterDelegatedAdministrator", "ResourceManager FullAccess"],
])("%s: the narrowest system policy that allows it is %s", (action, policy) => {
  expect(narrowestPolicyFor(action)).toBe(policy);
});

test("the remedy names the account and the policy to ask for", () => {
  expect(said(remedyFor("globex", "iam:agencies:assume"))).toBe(
    "Ask an administrator of globex for Agent Operator (or another policy that allows iam:agencies:assume).",
  );
  // Every action is allowed by some system role (Tenant Administrator outside IAM, Security Administrator inside).
  expect(said(remedyFor("acme", "vpc:subnets:create"))).toBe(
    "Ask an administrator of acme for Tenant Administrator (or another policy that allows vpc:subnets:create).",
  );
});
