/** Decisions explained to people and the root's decision (issue 11's mutation run found them untested). */
import { describe, expect, test } from "vitest";
import { evaluate, explainDecision, rootDecision, type Grant } from "@/lib/authz/engine";
import { said } from "@/tests/helpers/english";

const grant = (Effect: "Allow" | "Deny", policyName: string): Grant => ({
  policyName,
  document: {
    Version: "1.1",
    Statement: [
      { Effect: "Allow", Action: ["obs:*"] },
      { Effect, Action: ["ecs:*"] },
    ],
  },
  scope: { kind: "all" },
  source: "group admins",
});

describe("explainDecision", () => {
  test("the root user is allowed everything in its own account, and the explanation says so", () => {
    const decision = rootDecision("acme");
    expect(decision).toEqual({ allowed: true, effect: "Allow", decidedBy: { kind: "root", account: "acme" } });
    expect(said(explainDecision(decision))).toBe("Allowed: the root user of acme may do everything in its own account.");
  });

  test("an allow and a deny name the statement (counted from 1), the policy and where it comes from", () => {
    const request = { action: "ecs:instances:start", resource: "ecs:cn-north-4:acc:instance:web-01" };
    expect(said(explainDecision(evaluate([grant("Allow", "ECS ops")], request)))).toBe('Allowed by statement 2 of "ECS ops" (group admins).');
    expect(said(explainDecision(evaluate([grant("Deny", "No ECS")], request)))).toBe('Denied by statement 2 of "No ECS" (group admins).');
  });

  test("an implicit deny says that nothing allows the action", () => {
    expect(said(explainDecision(evaluate([], { action: "ecs:instances:start", resource: "x" })))).toBe("No statement allows this action (implicit deny).");
  });
});

test("the requested region and project become condition keys only when the request has them", () => {
  const conditional: Grant = {
    policyName: "regional",
    document: {
      Version: "1.1",
      Statement: [{ Effect: "Allow", Action: ["iam:*"], Condition: { StringEquals: { "g:RequestedRegion": ["r1"], "g:EnterpriseProjectId": ["p1"] } } }],
    },
    scope: { kind: "all" },
    source: "group admins",
  };
  const context = { "g:RequestedRegion": "r1", "g:EnterpriseProjectId": "p1" };
  expect(evaluate([conditional], { action: "iam:users:list", resource: "x", region: null, enterpriseProjectId: null, context }).allowed).toBe(true);
  expect(evaluate([conditional], { action: "iam:users:list", resource: "x", region: "r2", enterpriseProjectId: null, context }).allowed).toBe(false);
  expect(evaluate([conditional], { action: "iam:users:list", resource: "x", region: null, enterpriseProjectId: "p2", context }).allowed).toBe(false);
});
