/**
 * The escalation rows of the authorization matrix: every action that attaches, grants, lends or
 * lifts a permission, tried by a caller who holds that one permission but not what it would hand
 * on. Each is refused with a message naming what the caller lacks, writes nothing, and leaves one
 * denial in the audit trail; a control row shows the same caller succeeding within its holdings.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type Action, type Fields, type Fixture, type Identity, lookup, runAction } from "../helpers/action-harness";

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
import { groupGrants } from "@/db/schema";
import { createAgency } from "@/lib/agencies/agencies";
import type { Caller } from "@/lib/caller";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { assumeRole } from "@/lib/roles/role-sessions";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";

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
    const policyId = policy.document === undefined ? await id("policy", policy.name) : (await createPolicy(t.db, acme, { name: policy.name, document: policy.document })).id;
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
  await principal("editor", [{ name: "only-edit", document: allow("iam:policies:update") }, { name: "edited", document: allow("ecs:instances:list") }]);
  await principal("revoker", [{ name: "only-revoke", document: allow("iam:permissions:revokeRoleFromGroup") }, { name: "ECS FullAccess" }, { name: "no-ecs-delete", document: deny("ecs:instances:delete") }]);
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
  await createAgency(t.db, acme, { name: "restrained", type: "account", delegatedAccount: "globex", validityKind: "unlimited", policyIds: [await id("policy", "ECS FullAccess"), await id("policy", "no-ecs-delete")], scopeKind: "all" });
  const ecsFull = await createGroup(t.db, acme, { name: "ecs-full" });
  await grantPolicyToGroup(t.db, acme, { groupId: ecsFull.id, policyId: await id("policy", "ECS FullAccess"), scopeKind: "all" });
  // The attack of issue 10: a role whose agency holds only iam:agencies:* (and policy editing).
  const agentPolicy = await createPolicy(t.db, acme, { name: "agency-admin", document: allow("iam:agencies:*", "iam:policies:update") });
  await createAgency(t.db, acme, { name: "agency-admins", type: "account", delegatedAccount: "globex", validityKind: "unlimited", policyIds: [agentPolicy.id], scopeKind: "all" });
  const gina = await callerFor(t.db, "globex", "gina");
  const role = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "agency-admins" }, "login-role");
  who.role = { caller: role.caller, loginId: "login-role", roleEnded: null, roleNotice: null };
  const rdFull = await id("policy", "ResourceManager FullAccess");
  await createAgency(t.db, acme, { name: "rd-admins", type: "account", delegatedAccount: "globex", validityKind: "unlimited", policyIds: [rdFull], scopeKind: "all" });
  const rdRole = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "rd-admins" }, "login-rd-role");
  who.rdRole = { caller: rdRole.caller, loginId: "login-rd-role", roleEnded: null, roleNotice: null };
  await createAgency(t.db, acme, { name: "iam-admins", type: "account", delegatedAccount: "globex", validityKind: "unlimited", policyIds: [await id("policy", "Security Administrator")], scopeKind: "global" });
  const lentElsewhere = await createPolicy(t.db, acme, { name: "lent-elsewhere", document: allow("iam:users:list") });
  await createAgency(t.db, acme, { name: "ops-elsewhere", type: "account", delegatedAccount: "globex", validityKind: "unlimited", policyIds: [lentElsewhere.id], scopeKind: "global" });
  const iamRole = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "iam-admins" }, "login-iam-role");
  who.iamRole = { caller: iamRole.caller, loginId: "login-iam-role", roleEnded: null, roleNotice: null };
  who.alice = { caller: await callerFor(t.db, "acme", "alice"), loginId: "login-alice", roleEnded: null, roleNotice: null };
});
afterAll(() => t.dispose());

interface Row {
  as: string;
  action: string;
  fields: (f: Fixture) => Promise<Fields>;
  /** Text the refusal must contain (the action the caller lacks, or the rule); null: the control row succeeds. */
  refusal: string | null;
}

const ownGroup = (f: Fixture, name: string) => f.id("group", `g-${name}`);
const rows: Record<string, Row> = {
  "granting Security Administrator to one's own group": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await ownGroup(f, "granter"), policyId: await f.id("policy", "Security Administrator"), scopeKind: "all" }),
    refusal: "Only the root user or a Security Administrator can hand on IAM management",
  },
  "granting ECS FullAccess while holding ECS ReadOnlyAccess": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted"), policyId: await f.id("policy", "ECS FullAccess"), scopeKind: "all" }),
    refusal: "allows ecs:instances:create, which you do not hold",
  },
  "control: granting ECS ReadOnlyAccess, which the granter holds": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted"), policyId: await f.id("policy", "ECS ReadOnlyAccess"), scopeKind: "regions", regions: ["cn-north-4"] }),
    refusal: null,
  },
  "control: alice (Security Administrator) grants Security Administrator": {
    as: "alice",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted"), policyId: await f.id("policy", "Security Administrator"), scopeKind: "all" }),
    refusal: null,
  },
  "adding oneself to admins": {
    as: "adder",
    action: "addUserToGroupAction",
    fields: async (f) => ({ userId: await f.id("user", "adder"), groupId: await f.id("group", "admins") }),
    refusal: "Only the root user or a Security Administrator can hand on IAM management",
  },
  "adding another user to a group with ECS FullAccess": {
    as: "adder",
    action: "addUserToGroupAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), groupId: await f.id("group", "ecs-full") }),
    refusal: "which you do not hold",
  },
  "widening a policy attached to one's own group": {
    as: "editor",
    action: "updatePolicyAction",
    fields: async (f) => ({ policyId: await f.id("policy", "edited"), name: "edited", document: allow("ecs:*:*") }),
    refusal: "allows ecs:instances:create, which you do not hold",
  },
  "revoking the Deny that holds oneself back": {
    as: "revoker",
    action: "revokeGrantAction",
    fields: async (f) => {
      const [row] = await f.db
        .select({ id: groupGrants.id })
        .from(groupGrants)
        .where(and(eq(groupGrants.groupId, await ownGroup(f, "revoker")), eq(groupGrants.policyId, await f.id("policy", "no-ecs-delete"))));
      return { grantId: row!.id };
    },
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "leaving a group whose Deny holds oneself back": {
    as: "remover",
    action: "removeUserFromGroupAction",
    fields: async (f) => ({ userId: await f.id("user", "remover"), groupId: await f.id("group", "restricted") }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "deleting a group whose Deny holds its members back": {
    as: "deleter",
    action: "deleteGroupAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted") }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "removing the Deny that holds an agency back": {
    as: "lender",
    action: "removeAgencyPermissionAction",
    fields: async (f) => {
      const { getAgency } = await import("@/lib/agencies/agencies");
      const agencyId = await f.id("agency", "restrained");
      const permission = (await getAgency(f.db, acme, agencyId)).permissions.find((p) => p.policyName === "no-ecs-delete")!;
      return { agencyId, permissionId: permission.id };
    },
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "narrowing the scope of the Deny that holds an agency back": {
    as: "lender",
    action: "addAgencyPermissionsAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "restrained"), policyIds: [await f.id("policy", "no-ecs-delete")], scopeKind: "global" }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "narrowing the scope of the Deny that holds a group back": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted"), policyId: await f.id("policy", "no-ecs-delete"), scopeKind: "regions", regions: ["cn-north-4"] }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "creating an agency that lends Tenant Administrator": {
    as: "creator",
    action: "createAgencyAction",
    fields: async (f) => ({ name: "wide", type: "account", delegatedAccount: "umbrella", validityKind: "unlimited", policyIds: [await f.id("policy", "Tenant Administrator")], scopeKind: "all" }),
    refusal: "which you do not hold",
  },
  "creating a cloud-service agency that lends ECS FullAccess": {
    as: "creator",
    action: "createAgencyAction",
    fields: async (f) => ({ name: "svc", type: "service", service: "ECS", validityKind: "one_day", policyIds: [await f.id("policy", "ECS FullAccess")], scopeKind: "all" }),
    refusal: "allows ecs:instances:list, which you do not hold",
  },
  "control: creating an agency that lends OBS ReadOnlyAccess, which the creator holds": {
    as: "creator",
    action: "createAgencyAction",
    fields: async (f) => ({ name: "obs-reader", type: "account", delegatedAccount: "umbrella", validityKind: "one_day", policyIds: [await f.id("policy", "OBS ReadOnlyAccess")], scopeKind: "all" }),
    refusal: null,
  },
  "adding Security Administrator to an agency": {
    as: "lender",
    action: "addAgencyPermissionsAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "globex-ops"), policyIds: [await f.id("policy", "Security Administrator")], scopeKind: "all" }),
    refusal: "Only the root user or a Security Administrator can hand on IAM management",
  },
  "reviving the expired agency old-audit for ever": {
    as: "lender",
    action: "updateAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "old-audit"), validityKind: "unlimited", description: "" }),
    refusal: "allows obs:buckets:list, which you do not hold",
  },
  "control: shortening globex-ops to one day": {
    as: "lender",
    action: "updateAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "globex-ops"), validityKind: "one_day", description: "" }),
    refusal: null,
  },
  "setting another user's password without being a Security Administrator": {
    as: "resetter",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: "Only the root user or a Security Administrator can set another user's password",
  },
  "a Security Administrator setting the password of a user who holds more": {
    as: "secadmin",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "alice"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: "allows ecs:instances:list, which you do not hold",
  },
  "control: a Security Administrator resets bob's password": {
    as: "secadmin",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: null,
  },
  "a switched role registering its own account as a delegated administrator": {
    as: "rdRole",
    action: "registerDelegatedAdminAction",
    fields: async (f) => ({ service: "cloudfw", accountId: await f.id("account", "globex") }),
    refusal: "A switched role cannot register its own account (globex) as a delegated administrator",
  },
  "control: the same role registers initech": {
    as: "rdRole",
    action: "registerDelegatedAdminAction",
    fields: async (f) => ({ service: "cloudfw", accountId: await f.id("account", "initech") }),
    refusal: null,
  },
  "a switched role holding all of IAM creating a user with a password": {
    as: "iamRole",
    action: "createUserAction",
    fields: async () => ({ name: "foothold", password: "Str0ng-pass", confirmPassword: "Str0ng-pass" }),
    refusal: "A switched role cannot set passwords in acme",
  },
  "a switched role holding all of IAM resetting a user's password": {
    as: "iamRole",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: "A switched role cannot set passwords in acme",
  },
  "control: the same role creates a user group": {
    as: "iamRole",
    action: "createGroupAction",
    fields: async () => ({ name: "made-by-role" }),
    refusal: null,
  },
  "a switched role adding Security Administrator to its own agency": {
    as: "role",
    action: "addAgencyPermissionsAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "agency-admins"), policyIds: [await f.id("policy", "Security Administrator")], scopeKind: "all" }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role creating an agency trusting its own account": {
    as: "role",
    action: "createAgencyAction",
    fields: async (f) => ({ name: "backdoor", type: "account", delegatedAccount: "globex", validityKind: "unlimited", policyIds: [await f.id("policy", "Tenant Administrator"), await f.id("policy", "Security Administrator")], scopeKind: "all" }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role making the expired agency unlimited": {
    as: "role",
    action: "updateAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "old-audit"), validityKind: "unlimited", description: "" }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role deleting its own agency": {
    as: "role",
    action: "deleteAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "agency-admins") }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role ending another principal's session": {
    as: "role",
    action: "endRoleSessionAction",
    fields: async (f) => {
      const globex = await callerFor(f.db, "globex");
      const { roleSessionId } = await assumeRole(f.db, globex, { accountName: "acme", agencyName: "globex-ops" }, "victim-login");
      return { agencyId: await f.id("agency", "globex-ops"), roleSessionId };
    },
    refusal: "A switched role cannot manage agencies or role sessions",
  },
  "a switched role holding all of IAM widening a policy attached to another agency": {
    as: "iamRole",
    action: "updatePolicyAction",
    fields: async (f) => ({ policyId: await f.id("policy", "lent-elsewhere"), name: "lent-elsewhere", document: allow("iam:*") }),
    refusal: "A switched role cannot change the permissions of agencies of acme",
  },
  "a switched role editing a policy attached to its own agency": {
    as: "role",
    action: "updatePolicyAction",
    fields: async (f) => ({ policyId: await f.id("policy", "agency-admin"), name: "agency-admin", document: allow("iam:agencies:*", "iam:policies:update", "ecs:*:*") }),
    refusal: "A switched role cannot change the agency it acts through",
  },
};

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
    expect(JSON.stringify(denials[0]!.detail)).toContain(row.refusal);
  });
});
