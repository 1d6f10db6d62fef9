import { expect, test } from "vitest";
import { systemPolicies } from "@/lib/authz/system-policies";
import { fitScopes, policyReach, scopeFits } from "@/lib/policy/reach";
import { inWords } from "@/messages/words";

const reachOf = (name: string) => policyReach(systemPolicies.find((p) => p.name === name)!.document);

test.each([
  ["IAM ReadOnlyAccess", { global: true, regional: false }],
  ["Agent Operator", { global: true, regional: false }],
  ["ResourceManager FullAccess", { global: true, regional: false }],
  ["ECS ReadOnlyAccess", { global: false, regional: true }],
  ["OBS FullAccess", { global: false, regional: true }],
  ["Tenant Administrator", { global: true, regional: true }],
])("%s reaches %o", (name, reach) => {
  expect(reachOf(name)).toEqual(reach);
});

test("a Deny counts where it can apply, and a service outside the catalogue by its name", () => {
  expect(policyReach({ Version: "1.1", Statement: [{ Effect: "Deny", Action: ["ecs:instances:delete"] }] })).toEqual({ global: false, regional: true });
  expect(policyReach({ Version: "1.1", Statement: [{ Effect: "Allow", Action: ["vpc:*:*"] }] })).toEqual({ global: true, regional: false });
  expect(policyReach({ Version: "1.1", Statement: [{ Effect: "Allow", Action: ["obs:objects:put"] }] })).toEqual({ global: false, regional: true });
});

test("which scopes fit which reach", () => {
  const global = { global: true, regional: false };
  const regional = { global: false, regional: true };
  expect((["all", "global", "regions", "projects"] as const).filter((k) => scopeFits(global, k))).toEqual(["all", "global"]);
  expect((["all", "global", "regions", "projects"] as const).filter((k) => scopeFits(regional, k))).toEqual(["all", "regions", "projects"]);
  const both = fitScopes(
    [
      { name: "iam", reach: global },
      { name: "ecs", reach: regional },
    ],
    "projects",
  );
  expect(both.ok && both.scopes.map((s) => [s.policy.name, s.kind])).toEqual([
    ["iam", "global"],
    ["ecs", "projects"],
  ]);
  expect(fitScopes([{ name: "ecs", reach: regional }], "global")).toMatchObject({ ok: false });
  expect(fitScopes([{ name: "iam", reach: global }], "regions")).toMatchObject({ ok: false });
  expect(fitScopes([{ name: "iam", reach: global }], "all")).toMatchObject({ ok: true });
});

test("a refusal names the policies and the scopes that would fit, in the reader's language", () => {
  const regional = { global: false, regional: true };
  const global = { global: true, regional: false };
  const words = (fit: ReturnType<typeof fitScopes>, language = "en") => (fit.ok ? "" : inWords(language, fit.message));
  expect(words(fitScopes([{ name: "ecs", reach: regional }], "global"))).toBe(
    '"ecs" is a policy of project-level services and would grant nothing in Global services. Choose All resources, Region-specific projects or Enterprise projects.',
  );
  const two = [
    { name: "iam", reach: global },
    { name: "rd", reach: global },
  ];
  expect(words(fitScopes(two, "regions"))).toBe(
    '"iam", "rd" apply to global services only and would grant nothing in Region-specific projects. Choose Global services or All resources.',
  );
  expect(words(fitScopes(two, "projects"), "zh-CN")).toBe('"iam", "rd" 仅适用于全局服务，在“企业项目”中不会授予任何权限。请选择“全局服务”或“所有资源”。');
});
