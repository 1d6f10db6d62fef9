/**
 * The escalation rows of the authorization matrix: every action that attaches, grants, lends or
 * lifts a permission, tried by a caller who holds that one permission but not what it would hand
 * on. Each is refused with a message naming what the caller lacks, writes nothing, and leaves one
 * denial in the audit trail; a control row shows the same caller succeeding within its holdings.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type Action, type Fixture, type Identity, lookup, runAction } from "../helpers/action-harness";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("../helpers/action-harness")).doubles.cache);
vi.mock("next/navigation", async () => (await import("../helpers/action-harness")).doubles.navigation);
vi.mock("next/headers", async () => (await import("../helpers/action-harness")).doubles.headers);
vi.mock("@/db", async () => (await import("../helpers/action-harness")).doubles.db);
vi.mock("@/app/_lib/session", async () => (await import("../helpers/action-harness")).doubles.session);

import * as agencyActions from "@/app/(console)/agencies/actions";
import * as groupActions from "@/app/(console)/iam/groups/actions";
import * as policyActions from "@/app/(console)/iam/policies/actions";
import * as userActions from "@/app/(console)/iam/users/actions";
import * as passwordActions from "@/app/(console)/account/password/actions";
import * as rdActions from "@/app/(console)/resource-directory/actions";
import { createAgency } from "@/lib/agencies/agencies";
import type { Caller } from "@/lib/caller";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { assumeRole } from "@/lib/roles/role-sessions";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
import { rows } from "./escalation-rows";
import { english } from "../helpers/english";

const actions = { ...agencyActions, ...groupActions, ...policyActions, ...userActions, ...passwordActions, ...rdActions } as unknown as Record<string, Action>;
const allow = (...actionNames: string[]) => JSON.stringify({ Version: "1.1", Statement: [{ Effect: "Allow", Action: actionNames }] });
const deny = (...actionNames: string[]) => JSON.stringify({ Version: "1.1", Statement: [{ Effect: "Deny", Action: actionNames }] });

let t: TestDatabase;
let acme: Caller;
const who: Record<string, Identity> = {};

/** A user of acme whose only group holds exactly `policies` (created from JSON or taken from the catalogue). */
async function principal(name: string, policies: { name: string; document?: string }[]) {
  const user = await createUser(t.db, acme, { name, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
  const group = await createGroup(t.db, acme, { name: `g-${name}` });
  for (const policy of policies) {
    const policyId =
      policy.document === undefined ? await id("policy", policy.name) : (await createPolicy(t.db, acme, { name: policy.name, document: policy.document })).id;
    await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId, scopeKind: "all" });
  }
  await addUserToGroup(t.db, acme, { userId: user.id, groupId: group.id });
  who[name] = { caller: await callerFor(t.db, "acme", name), loginId: `login-${name}`, roleEnded: null, roleNotice: null };
}

const id = (table: Parameters<Fixture["id"]>[0], name: string) => lookup(t.db, acme, table, name);

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  await principal("granter", [{ name: "only-grant", document: allow("iam:permissions:grantRoleToGroup") }, { name: "ECS ReadOnlyAccess" }]);
  await principal("adder", [{ name: "only-add", document: allow("iam:groups:addUser") }]);
  await principal("editor", [
    { name: "only-edit", document: allow("iam:policies:update") },
    { name: "edited", document: allow("ecs:instances:list") },
  ]);
  await principal("revoker", [
    { name: "only-revoke", document: allow("iam:permissions:revokeRoleFromGroup") },
    { name: "ECS FullAccess" },
    { name: "no-ecs-delete", document: deny("ecs:instances:delete") },
  ]);
  await principal("remover", [{ name: "only-remove", document: allow("iam:groups:removeUser") }]);
  await principal("creator", [{ name: "only-create-agency", document: allow("iam:agencies:create") }, { name: "OBS ReadOnlyAccess" }]);
  await principal("lender", [{ name: "only-update-agency", document: allow("iam:agencies:update") }]);
  await principal("deleter", [{ name: "only-delete-group", document: allow("iam:groups:delete") }]);
  await principal("resetter", [{ name: "only-reset", document: allow("iam:users:resetPassword") }]);
  await principal("secadmin", [{ name: "Security Administrator" }]);
  // remover is also held back by a Deny in a second group; leaving it would lift the Deny.
  const restricted = await createGroup(t.db, acme, { name: "restricted" });
  await grantPolicyToGroup(t.db, acme, { groupId: restricted.id, policyId: await id("policy", "no-ecs-delete"), scopeKind: "all" });
  await addUserToGroup(t.db, acme, { userId: await id("user", "remover"), groupId: restricted.id });
  // An agency held back by a Deny: removing that permission would free it.
  await createAgency(t.db, acme, {
    name: "restrained",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [await id("policy", "ECS FullAccess"), await id("policy", "no-ecs-delete")],
    scopeKind: "all",
  });
  const ecsFull = await createGroup(t.db, acme, { name: "ecs-full" });
  await grantPolicyToGroup(t.db, acme, { groupId: ecsFull.id, policyId: await id("policy", "ECS FullAccess"), scopeKind: "all" });
  // The attack of issue 10: a role whose agency holds only iam:agencies:* (and policy editing).
  const agentPolicy = await createPolicy(t.db, acme, { name: "agency-admin", document: allow("iam:agencies:*", "iam:policies:update") });
  await createAgency(t.db, acme, {
    name: "agency-admins",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [agentPolicy.id],
    scopeKind: "all",
  });
  const gina = await callerFor(t.db, "globex", "gina");
  const role = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "agency-admins" }, "login-role");
  who.role = { caller: role.caller, loginId: "login-role", roleEnded: null, roleNotice: null };
  const rdFull = await id("policy", "ResourceManager FullAccess");
  await createAgency(t.db, acme, {
    name: "rd-admins",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [rdFull],
    scopeKind: "all",
  });
  const rdRole = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "rd-admins" }, "login-rd-role");
  who.rdRole = { caller: rdRole.caller, loginId: "login-rd-role", roleEnded: null, roleNotice: null };
  await createAgency(t.db, acme, {
    name: "iam-admins",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [await id("policy", "Security Administrator")],
    scopeKind: "global",
  });
  const lentElsewhere = await createPolicy(t.db, acme, { name: "lent-elsewhere", document: allow("iam:users:list") });
  await createAgency(t.db, acme, {
    name: "ops-elsewhere",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [lentElsewhere.id],
    scopeKind: "global",
  });
  const iamRole = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "iam-admins" }, "login-iam-role");
  who.iamRole = { caller: iamRole.caller, loginId: "login-iam-role", roleEnded: null, roleNotice: null };
  who.alice = { caller: await callerFor(t.db, "acme", "alice"), loginId: "login-alice", roleEnded: null, roleNotice: null };
});
afterAll(() => t.dispose());

describe.each(Object.keys(rows))("%s", (name) => {
  test("is decided as expected, writes nothing when refused, and audits the decision", async () => {
    const row = rows[name]!;
    const run = await runAction(t.db, acme, who[row.as]!, actions[row.action]!, row.fields);
    const result = run.result;
    if (row.refusal === null) {
      expect(run.outcome).toBe("ok");
      expect(run.events.some((e) => e.decision === "allow")).toBe(true);
      return;
    }
    expect(run.outcome).toBe("refused");
    const messages = result?.ok === false ? [result.formError ?? "", ...Object.values(result.fieldErrors).flat()].join(" ") : "";
    expect(messages).toContain(row.refusal);
    expect(run.wroteWhenRefused).toBe(false);
    const denials = run.events.filter((e) => e.decision === "deny");
    expect(denials).toHaveLength(1);
    expect(run.events.filter((e) => e.decision === "allow")).toHaveLength(0);
    // The recorded reason is a phrase, shown to each reader in its language.
    expect(english(String((denials[0]!.detail as { reason?: unknown }).reason))).toContain(row.refusal);
  });
});
