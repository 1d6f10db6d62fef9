import { describe, expect, test } from "vitest";
import { evaluate, explainDecision, scopeApplies, wildcardMatch, type Grant } from "@/lib/authz/engine";
import { systemPolicies } from "@/lib/authz/system-policies";
import type { PolicyDocument } from "@/lib/policy/document";
import { said } from "@/tests/helpers/english";

const doc = (...statements: PolicyDocument["Statement"]): PolicyDocument => ({ Version: "1.1", Statement: statements });
const grant = (policyName: string, document: PolicyDocument, scope: Grant["scope"] = { kind: "all" }): Grant => ({
  policyName,
  document,
  scope,
  source: "group test",
});
const system = (name: string, scope: Grant["scope"] = { kind: "all" }) => grant(name, systemPolicies.find((p) => p.name === name)!.document, scope);

const ecs = (action: string, region = "cn-north-4", project = "p-default") => ({
  action: `ecs:instances:${action}`,
  resource: `ecs:${region}:acc1:instance:web-01`,
  region,
  enterpriseProjectId: project,
});

describe("wildcards", () => {
  test.each([
    ["ecs:*:*", "ecs:instances:start", true],
    ["ecs:*:get*", "ecs:instances:getDetail", true],
    ["ecs:*:get*", "ecs:instances:start", false],
    ["iam:agencies:assum?", "iam:agencies:assume", true],
    ["iam:agencies:assum?", "iam:agencies:assumed", false],
    ["*", "anything:at:all", true],
    ["resourcemanager:*", "resourcemanager:RegisterDelegatedAdministrator", true],
    ["ecs.instances", "ecsXinstances", false],
  ])("%s matches %s: %s", (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value, true)).toBe(expected);
  });

  test("actions match case-insensitively, resources exactly", () => {
    expect(wildcardMatch("ResourceManager:registerdelegatedadministrator", "resourcemanager:RegisterDelegatedAdministrator", true)).toBe(true);
    expect(wildcardMatch("obs:*:*:bucket:Logs", "obs:cn-north-4:a:bucket:logs", false)).toBe(false);
  });
});

describe("decisions", () => {
  test("no grant means an implicit deny that names no statement", () => {
    const decision = evaluate([], ecs("list"));
    expect(decision).toEqual({ allowed: false, effect: "ImplicitDeny", decidedBy: null });
    expect(said(explainDecision(decision))).toMatch(/implicit deny/);
  });

  test("an allow names the deciding policy and statement", () => {
    const decision = evaluate([system("ECS ReadOnlyAccess")], ecs("list"));
    expect(decision.allowed).toBe(true);
    expect(decision.decidedBy).toEqual({ kind: "statement", policyName: "ECS ReadOnlyAccess", statementIndex: 0, source: "group test" });
    expect(evaluate([system("ECS ReadOnlyAccess")], ecs("stop")).allowed).toBe(false);
  });

  test("explicit deny beats allow, whatever the order", () => {
    const deny = grant("no-stop", doc({ Effect: "Deny", Action: ["ecs:instances:stop"] }));
    for (const grants of [
      [system("ECS FullAccess"), deny],
      [deny, system("ECS FullAccess")],
    ]) {
      const decision = evaluate(grants, ecs("stop"));
      expect(decision.effect).toBe("Deny");
      expect(decision.decidedBy).toMatchObject({ policyName: "no-stop", statementIndex: 0 });
    }
    expect(evaluate([system("ECS FullAccess"), deny], ecs("start")).allowed).toBe(true);
  });

  test("a deny in a later statement of the same policy still wins", () => {
    const policy = grant("mixed", doc({ Effect: "Allow", Action: ["ecs:*:*"] }, { Effect: "Deny", Action: ["ecs:instances:delete"] }));
    expect(evaluate([policy], ecs("delete"))).toMatchObject({ effect: "Deny", decidedBy: { statementIndex: 1 } });
  });

  test("Tenant Administrator allows everything except IAM; with Security Administrator IAM too", () => {
    const tenant = system("Tenant Administrator");
    expect(evaluate([tenant], ecs("delete")).allowed).toBe(true);
    expect(evaluate([tenant], { action: "resourcemanager:RegisterDelegatedAdministrator", resource: "*" }).allowed).toBe(true);
    expect(evaluate([tenant], { action: "iam:users:create", resource: "iam::acc1:user:x" }).allowed).toBe(false);
    expect(evaluate([tenant, system("Security Administrator")], { action: "iam:users:create", resource: "iam::acc1:user:x" }).allowed).toBe(true);
  });

  test("Agent Operator may switch roles and list agencies, nothing else", () => {
    const operator = system("Agent Operator");
    expect(evaluate([operator], { action: "iam:agencies:assume", resource: "*" }).allowed).toBe(true);
    expect(evaluate([operator], { action: "iam:agencies:list", resource: "*" }).allowed).toBe(true);
    expect(evaluate([operator], { action: "iam:agencies:create", resource: "*" }).allowed).toBe(false);
    expect(evaluate([operator], ecs("list")).allowed).toBe(false);
  });

  test("NotAction allows every action outside the list", () => {
    const policy = grant("all-but-delete", doc({ Effect: "Allow", NotAction: ["ecs:instances:delete"] }));
    expect(evaluate([policy], ecs("stop")).allowed).toBe(true);
    expect(evaluate([policy], ecs("delete")).allowed).toBe(false);
  });

  test("Resource patterns limit a statement to the resources they match", () => {
    const policy = grant("web-only", doc({ Effect: "Allow", Action: ["ecs:*:*"], Resource: ["ecs:*:*:instance:web-*"] }));
    expect(evaluate([policy], ecs("stop")).allowed).toBe(true);
    expect(evaluate([policy], { ...ecs("stop"), resource: "ecs:cn-north-4:acc1:instance:db-01" }).allowed).toBe(false);
  });

  test("conditions on the requested region and enterprise project", () => {
    const policy = grant("paris-only", doc({ Effect: "Allow", Action: ["ecs:*:*"], Condition: { StringEquals: { "g:RequestedRegion": ["eu-west-0"] } } }));
    expect(evaluate([policy], ecs("stop", "eu-west-0")).allowed).toBe(true);
    expect(evaluate([policy], ecs("stop", "cn-north-4")).allowed).toBe(false);
    const notPayments = grant("not-payments", doc({ Effect: "Deny", Action: ["ecs:*:*"], Condition: { StringLike: { "g:EnterpriseProjectId": ["p-pay*"] } } }));
    expect(evaluate([system("ECS FullAccess"), notPayments], ecs("stop", "cn-north-4", "p-payments")).effect).toBe("Deny");
    expect(evaluate([system("ECS FullAccess"), notPayments], ecs("stop", "cn-north-4", "p-default")).allowed).toBe(true);
    const notEquals = grant("ne", doc({ Effect: "Allow", Action: ["*"], Condition: { StringNotEquals: { "g:UserName": ["bob"] } } }));
    expect(evaluate([notEquals], { ...ecs("list"), context: { "g:UserName": "bob" } }).allowed).toBe(false);
    expect(evaluate([notEquals], { ...ecs("list"), context: { "g:UserName": "alice" } }).allowed).toBe(true);
  });
});

describe("scope", () => {
  const regional = system("ECS FullAccess", { kind: "regions", regions: ["cn-north-4"] });
  const projectScoped = system("ECS FullAccess", { kind: "projects", projects: ["p-default"] });

  test("a region-scoped grant applies only in its regions", () => {
    expect(evaluate([regional], ecs("stop", "cn-north-4")).allowed).toBe(true);
    expect(evaluate([regional], ecs("stop", "eu-west-0")).allowed).toBe(false);
  });

  test("an enterprise-project grant applies only to resources in its projects", () => {
    expect(evaluate([projectScoped], ecs("stop", "eu-west-0", "p-default")).allowed).toBe(true);
    expect(evaluate([projectScoped], ecs("stop", "eu-west-0", "p-payments")).allowed).toBe(false);
  });

  test("global services scope applies to requests without a region only", () => {
    const iam = system("Security Administrator", { kind: "global" });
    expect(evaluate([iam], { action: "iam:users:list", resource: "iam::acc1:user:*" }).allowed).toBe(true);
    expect(evaluate([system("ECS FullAccess", { kind: "global" })], ecs("list")).allowed).toBe(false);
  });

  test("a deny outside its scope does not apply", () => {
    const deny = grant("deny-paris", doc({ Effect: "Deny", Action: ["ecs:*:*"] }), { kind: "regions", regions: ["eu-west-0"] });
    expect(evaluate([system("ECS FullAccess"), deny], ecs("stop", "cn-north-4")).allowed).toBe(true);
    expect(evaluate([system("ECS FullAccess"), deny], ecs("stop", "eu-west-0")).effect).toBe("Deny");
  });

  test("anyScope asks whether the action is allowed somewhere", () => {
    expect(scopeApplies({ kind: "regions", regions: ["x"] }, { action: "a", resource: "r", anyScope: true })).toBe(true);
    expect(evaluate([regional], { action: "ecs:instances:list", resource: "ecs:*:acc1:instance:*", anyScope: true }).allowed).toBe(true);
    expect(evaluate([system("OBS ReadOnlyAccess")], { action: "ecs:instances:list", resource: "x", anyScope: true }).allowed).toBe(false);
  });
});
