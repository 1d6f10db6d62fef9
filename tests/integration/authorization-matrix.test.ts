/// <reference types="vite/client" />
/**
 * Every server action × every kind of caller, from one table. The real actions run (Next's request
 * APIs are replaced by test doubles); each run happens in a transaction that is rolled back, so
 * every cell starts from the same demo world. An action without a row fails the test.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type Action, type Fixture, type Identity, type Outcome, runAction, state } from "../helpers/action-harness";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("../helpers/action-harness")).doubles.cache);
vi.mock("next/navigation", async () => (await import("../helpers/action-harness")).doubles.navigation);
vi.mock("next/headers", async () => (await import("../helpers/action-harness")).doubles.headers);
vi.mock("@/db", async () => (await import("../helpers/action-harness")).doubles.db);
vi.mock("@/app/_lib/session", async () => (await import("../helpers/action-harness")).doubles.session);

import { action, commandOf } from "@/app/_lib/action";
import { createOwnAccessKey, createUserAccessKey } from "@/lib/access-keys/access-keys";
import { policies } from "@/db/schema";
import type { ActionName } from "@/lib/authz/action-catalogue";
import type { Command } from "@/lib/authz/command";
import { createAgency, createAgencyWithoutPermissions } from "@/lib/agencies/agencies";
import { changeAgencyRole } from "@/lib/agencies/permissions";
import type { Caller } from "@/lib/caller";
import { createGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { createIdentityProvider } from "@/lib/federation/providers";
import { inviteAccount } from "@/lib/rd/directory";
import { deregisterDelegatedAdmin, registerDelegatedAdmin } from "@/lib/rd/delegated-admins";
import { setOwnLanguage } from "@/lib/iam/language";
import { assumeRole } from "@/lib/roles/role-sessions";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
// Every server-action module under app/ and every module of the domain, found by path: a new file is covered without editing this one.
const actionModules = import.meta.glob<Record<string, unknown>>(["/app/**/actions.ts", "/app/**/*-actions.ts"], { eager: true });
const libModules = import.meta.glob<Record<string, unknown>>(["/lib/**/*.ts", "!/lib/**/*.test.ts"], { eager: true });

// Commands only the API runs (lib/api), or the language switcher (app/_lib/i18n/choose-language.ts, which also
// serves signed-out pages), are wrapped here as the console wraps its own, so each has a row too.
const apiOnlyActions = {
  apiCreateAgencyWithoutPermissions: action(createAgencyWithoutPermissions),
  apiChangeAgencyRole: action(changeAgencyRole),
  languageChoice: action(setOwnLanguage, { whenRoleEnded: "run" }),
};
const allActions: Record<string, Action> = Object.fromEntries([
  ...Object.values(actionModules).flatMap((module) => Object.entries(module).filter(([, value]) => typeof value === "function")),
  ...Object.entries(apiOnlyActions),
]) as Record<string, Action>;

const isCommand = (value: unknown): value is Command => typeof value === "function" && "execute" in value && "actions" in value;
const domainCommands = Object.entries(libModules).flatMap(([file, module]) =>
  Object.entries(module)
    .filter(([, value]) => isCommand(value))
    .map(([name, value]) => ({ name: `${file}#${name}`, command: value as Command })),
);
// Server actions that change only the browser's own state, so run no command.
const browserOnly = new Set(["dismissRoleNoticeAction"]);

const kinds = ["anonymous", "owner", "otherRoot", "noPermission", "switchedAllowed", "switchedDenied", "endedRole", "removedDelegatedAdmin"] as const;
type Kind = (typeof kinds)[number];

interface Row {
  /** Builds the form fields, creating what the action needs (as acme's root). */
  fields: (f: Fixture) => Promise<Record<string, string | string[]>>;
  /** Kinds for which the action succeeds; every other signed-in kind is refused, anonymous is sent to sign-in. */
  allowed: Kind[];
}

const standard: Kind[] = ["owner", "switchedAllowed"];
// Creating needs no existing object: another account's root creates it in its own account (never in acme's).
const creators: Kind[] = [...standard, "otherRoot", "removedDelegatedAdmin"];
// No re-delegation: a switched role, even one holding all of IAM, never manages the agencies and role sessions of the account it is in.
const notSwitched: Kind[] = ["owner"];
const everyone: Kind[] = ["owner", "otherRoot", "noPermission", "switchedAllowed", "switchedDenied", "endedRole", "removedDelegatedAdmin"];
const document = '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:instances:list"]}]}';
const freshUser = async (f: Fixture) =>
  (await createUser(f.db, f.acme, { name: `victim${Date.now() % 100000}`, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" })).id;

const providerForm = (name: string) => ({
  name,
  issuer: "https://idp.example.com",
  clientId: "mandate",
  clientSecret: "s3cret",
  scopes: "openid email",
  rules: '[{"local":[{"user":{"name":"{0}"}}],"remote":[{"type":"email"}]}]',
});
const acmeProvider = async (f: Fixture) => (await createIdentityProvider(f.db, f.acme, providerForm(`idp-${Date.now() % 1000000}`))).id;

const matrix: Record<string, Row> = {
  // A password outlives a switched role, so a role never creates users with one.
  createUserAction: {
    fields: async () => ({ name: "newuser", password: "Str0ng-pass", confirmPassword: "Str0ng-pass" }),
    allowed: ["owner", "otherRoot", "removedDelegatedAdmin"],
  },
  // Whoever knows their own password may change it; of the callers here only the IAM users (bob, gina) know "Passw0rd!".
  changePasswordAction: {
    fields: async () => ({ currentPassword: "Passw0rd!", password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    allowed: ["noPermission", "switchedAllowed", "switchedDenied", "endedRole"],
  },
  // Setting a password lets the caller become that user: never through a switched role.
  resetPasswordAction: {
    fields: async (f) => ({ userId: await freshUser(f), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    allowed: notSwitched,
  },
  deleteUserAction: { fields: async (f) => ({ userId: await freshUser(f) }), allowed: standard },
  addUserToGroupAction: { fields: async (f) => ({ userId: await freshUser(f), groupId: await f.id("group", "admins") }), allowed: standard },
  removeUserFromGroupAction: { fields: async (f) => ({ userId: await f.id("user", "alice"), groupId: await f.id("group", "admins") }), allowed: standard },
  // An identity provider is a standing way into the account: a switched role never sets one up or changes where it leads.
  createIdentityProviderAction: { fields: async () => providerForm("new-idp"), allowed: ["owner", "otherRoot", "removedDelegatedAdmin"] },
  updateIdentityProviderAction: { fields: async (f) => ({ ...providerForm("ignored"), providerId: await acmeProvider(f) }), allowed: notSwitched },
  // Disabling closes the way in, which a role allowed to change providers may do; enabling opens it again.
  setIdentityProviderEnabledAction: { fields: async (f) => ({ providerId: await acmeProvider(f), enabled: "no" }), allowed: standard },
  deleteIdentityProviderAction: { fields: async (f) => ({ providerId: await acmeProvider(f) }), allowed: standard },
  createGroupAction: { fields: async () => ({ name: "new-group" }), allowed: creators },
  deleteGroupAction: { fields: async (f) => ({ groupId: (await createGroup(f.db, f.acme, { name: "doomed" })).id }), allowed: standard },
  grantPolicyAction: {
    fields: async (f) => ({ groupId: await f.id("group", "admins"), policyId: await f.id("policy", "OBS ReadOnlyAccess"), scopeKind: "all" }),
    allowed: standard,
  },
  revokeGrantAction: {
    fields: async (f) => {
      const groupId = (await createGroup(f.db, f.acme, { name: "granted" })).id;
      const policyId = await f.id("policy", "OBS ReadOnlyAccess");
      const { grantPolicyToGroup, getGroup } = await import("@/lib/iam/groups");
      await grantPolicyToGroup(f.db, f.acme, { groupId, policyId, scopeKind: "all" });
      return { grantId: (await getGroup(f.db, f.acme, groupId)).grants[0]!.id };
    },
    allowed: standard,
  },
  createPolicyAction: { fields: async () => ({ name: "new-policy", document }), allowed: creators },
  updatePolicyAction: {
    fields: async (f) => ({ policyId: (await createPolicy(f.db, f.acme, { name: "editable", document })).id, name: "edited", document }),
    allowed: standard,
  },
  deletePolicyAction: { fields: async (f) => ({ policyId: (await createPolicy(f.db, f.acme, { name: "doomed", document })).id }), allowed: standard },
  checkAgencyBasicsAction: {
    fields: async () => ({ name: "new-agency", type: "account", delegatedAccount: "umbrella", validityKind: "unlimited" }),
    // umbrella's root is refused: an account cannot delegate to itself.
    allowed: [...notSwitched, "removedDelegatedAdmin"],
  },
  createAgencyAction: {
    fields: async (f) => ({
      name: "new-agency",
      type: "account",
      delegatedAccount: "umbrella",
      validityKind: "unlimited",
      policyIds: [await f.id("policy", "ECS ReadOnlyAccess")],
      scopeKind: "all",
    }),
    allowed: [...notSwitched, "removedDelegatedAdmin"],
  },
  apiCreateAgencyWithoutPermissions: {
    fields: async () => ({ name: "new-agency", type: "account", delegatedAccount: "umbrella", validityKind: "unlimited" }),
    allowed: [...notSwitched, "removedDelegatedAdmin"],
  },
  updateAgencyAction: {
    fields: async (f) => ({ agencyId: await f.id("agency", "globex-ops"), validityKind: "one_day", description: "x" }),
    allowed: notSwitched,
  },
  addAgencyPermissionsAction: {
    fields: async (f) => ({ agencyId: await f.id("agency", "globex-ops"), policyIds: [await f.id("policy", "OBS ReadOnlyAccess")], scopeKind: "all" }),
    allowed: notSwitched,
  },
  apiChangeAgencyRole: {
    fields: async (f) => ({
      agencyId: await f.id("agency", "globex-ops"),
      policyId: await f.id("policy", "OBS ReadOnlyAccess"),
      scopeKind: "regions",
      region: "cn-north-4",
      change: "grant",
    }),
    allowed: notSwitched,
  },
  removeAgencyPermissionAction: {
    fields: async (f) => {
      const agencyId = await f.id("agency", "globex-ops");
      const { getAgency } = await import("@/lib/agencies/agencies");
      const { addAgencyPermissions } = await import("@/lib/agencies/permissions");
      await addAgencyPermissions(f.db, f.acme, { agencyId, policyIds: [await f.id("policy", "OBS ReadOnlyAccess")], scopeKind: "all" });
      const permission = (await getAgency(f.db, f.acme, agencyId)).permissions.find((p) => p.policyName === "OBS ReadOnlyAccess")!;
      return { agencyId, permissionId: permission.id };
    },
    allowed: notSwitched,
  },
  deleteAgencyAction: { fields: async (f) => ({ agencyId: await f.id("agency", "old-audit") }), allowed: notSwitched },
  // Each agency is deleted as Delete would; a refusal of any is reported as the batch's refusal.
  deleteAgenciesAction: { fields: async (f) => ({ agencyIds: [await f.id("agency", "old-audit")] }), allowed: notSwitched },
  endRoleSessionAction: {
    fields: async (f) => {
      const gus = await callerFor(f.db, "globex");
      const { roleSessionId } = await assumeRole(f.db, gus, { accountName: "acme", agencyName: "globex-ops" }, "matrix-other-login");
      return { agencyId: await f.id("agency", "globex-ops"), roleSessionId };
    },
    allowed: notSwitched,
  },
  createInstanceAction: {
    fields: async (f) => ({ name: "vm", regionId: "cn-north-4", enterpriseProjectId: await defaultProject(f), flavor: "s6.small.1" }),
    allowed: standard,
  },
  startInstanceAction: { fields: async (f) => ({ instanceId: await f.id("instance", "pay-batch-01") }), allowed: standard },
  stopInstanceAction: { fields: async (f) => ({ instanceId: await f.id("instance", "web-01") }), allowed: standard },
  deleteInstanceAction: { fields: async (f) => ({ instanceId: await f.id("instance", "web-02") }), allowed: standard },
  createBucketAction: {
    fields: async (f) => ({ name: "new-bucket", regionId: "cn-north-4", enterpriseProjectId: await defaultProject(f), storageClass: "standard" }),
    allowed: standard,
  },
  deleteBucketAction: { fields: async (f) => ({ bucketId: await f.id("bucket", "acme-logs") }), allowed: standard },
  enableDirectoryAction: { fields: async () => ({}), allowed: ["otherRoot"] },
  createFolderAction: { fields: async (f) => ({ name: "Staging", parentId: await f.id("folder", "Root") }), allowed: standard },
  renameFolderAction: { fields: async (f) => ({ folderId: await f.id("folder", "Production"), name: "Prod" }), allowed: standard },
  deleteFolderAction: {
    fields: async (f) => {
      const { createFolder } = await import("@/lib/rd/directory");
      return { folderId: (await createFolder(f.db, f.acme, { name: "Empty", parentId: await f.id("folder", "Root") })).id };
    },
    allowed: standard,
  },
  moveMemberAction: { fields: async (f) => ({ accountId: await f.id("account", "initech"), folderId: await f.id("folder", "Production") }), allowed: standard },
  inviteAccountAction: { fields: async () => ({ accountName: "umbrella" }), allowed: standard },
  respondToInvitationAction: {
    fields: async (f) => {
      await inviteAccount(f.db, f.acme, { accountName: "umbrella" });
      const { getDirectoryOverview } = await import("@/lib/rd/directory");
      const umbrella = await callerFor(f.db, "umbrella");
      return { invitationId: (await getDirectoryOverview(f.db, umbrella)).invitations[0]!.id, accept: "yes" };
    },
    allowed: ["otherRoot"],
  },
  removeMemberAction: { fields: async (f) => ({ accountId: await f.id("account", "initech") }), allowed: standard },
  leaveDirectoryAction: { fields: async () => ({}), allowed: ["removedDelegatedAdmin"] },
  setTrustedAccessAction: { fields: async () => ({ service: "tag", enabled: "yes" }), allowed: standard },
  registerDelegatedAdminAction: { fields: async (f) => ({ service: "cloudfw", accountId: await f.id("account", "initech") }), allowed: standard },
  deregisterDelegatedAdminAction: {
    fields: async (f) => {
      const initech = await f.id("account", "initech");
      await registerDelegatedAdmin(f.db, f.acme, { service: "cloudfw", accountId: initech });
      return { service: "cloudfw", accountId: initech };
    },
    allowed: standard,
  },
  switchRoleAction: {
    fields: async () => ({ accountName: "acme", agencyName: "globex-ops" }),
    allowed: ["switchedAllowed", "switchedDenied", "endedRole", "removedDelegatedAdmin"],
  },
  switchBackAction: { fields: async () => ({}), allowed: everyone },
  signOutAction: { fields: async () => ({}), allowed: everyone },
  // Sign-ins: one's own are one's own business; another user's are ended by root or a holder of iam:users:revokeSessions.
  endOtherSignInsAction: { fields: async () => ({}), allowed: everyone },
  endSignInAction: {
    fields: async (f) => ({ signInId: await (await import("@/lib/auth/sign-ins")).startSignIn(f.db, { accountId: f.acme.accountId, userId: null }) }),
    allowed: ["owner"],
  },
  endUserSignInsAction: { fields: async (f) => ({ userId: await f.id("user", "alice") }), allowed: standard },
  dismissRoleNoticeAction: { fields: async () => ({}), allowed: everyone },
  // Every principal makes its own access keys; the keys below are acme root's, so only their owner finds them.
  createOwnAccessKeyAction: { fields: async () => ({}), allowed: everyone },
  setOwnAccessKeyStatusAction: {
    fields: async (f) => ({ accessKeyId: (await createOwnAccessKey(f.db, f.acme, {})).accessKeyId, status: "inactive" }),
    allowed: ["owner"],
  },
  deleteOwnAccessKeyAction: { fields: async (f) => ({ accessKeyId: (await createOwnAccessKey(f.db, f.acme, {})).accessKeyId }), allowed: ["owner"] },
  // A user's key lets its holder act as the user: root only here (no Security Administrator among the callers but the role, which may not).
  createUserAccessKeyAction: { fields: async (f) => ({ userId: await f.id("user", "alice") }), allowed: notSwitched },
  setUserAccessKeyStatusAction: {
    fields: async (f) => {
      const userId = await f.id("user", "alice");
      return { userId, accessKeyId: (await createUserAccessKey(f.db, f.acme, { userId })).accessKeyId, status: "inactive" };
    },
    allowed: notSwitched,
  },
  deleteUserAccessKeyAction: {
    fields: async (f) => {
      const userId = await f.id("user", "alice");
      return { userId, accessKeyId: (await createUserAccessKey(f.db, f.acme, { userId })).accessKeyId };
    },
    allowed: notSwitched,
  },
  // A principal's own reading marker: every signed-in principal may move it.
  markNotificationsReadAction: { fields: async () => ({ upTo: "999999999" }), allowed: everyone },
  // A principal's own display language: whoever asks, even from a role (it is the principal's, not the role's).
  languageChoice: { fields: async () => ({ language: "zh-CN" }), allowed: everyone },
  // Favourites are the principal's own shortcuts, and only to roles it has switched to (gina's, here).
  pinRoleAction: {
    fields: async () => ({ accountName: "acme", agencyName: "matrix-full", displayName: "Full", colour: "red" }),
    allowed: ["switchedAllowed", "switchedDenied", "endedRole"],
  },
  unpinRoleAction: {
    fields: async (f) => {
      const { pinRole } = await import("@/lib/roles/favourites");
      await pinRole(f.db, await callerFor(f.db, "globex", "gina"), { accountName: "acme", agencyName: "matrix-full", displayName: "Full", colour: "red" });
      return { accountName: "acme", agencyName: "matrix-full" };
    },
    allowed: ["switchedAllowed", "switchedDenied", "endedRole"],
  },
};

async function defaultProject(f: Fixture) {
  const { enterpriseProjects } = await import("@/db/schema");
  const [p] = await f.db
    .select()
    .from(enterpriseProjects)
    .where(and(eq(enterpriseProjects.accountId, f.acme.accountId), eq(enterpriseProjects.name, "default")));
  return p!.id;
}

let t: TestDatabase;
let identities: Record<Exclude<Kind, "anonymous">, Identity>;

beforeAll(async () => {
  t = await testDatabase();
  const acme = await callerFor(t.db, "acme");
  const policyId = async (name: string) => (await t.db.select().from(policies).where(eq(policies.name, name)))[0]!.id;
  await createAgency(t.db, acme, {
    name: "matrix-full",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [await policyId("Tenant Administrator"), await policyId("Security Administrator")],
    scopeKind: "all",
  });
  await createAgency(t.db, acme, {
    name: "matrix-readonly",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [await policyId("ECS ReadOnlyAccess")],
    scopeKind: "all",
  });
  const doomed = await createAgency(t.db, acme, {
    name: "matrix-doomed",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [await policyId("ECS FullAccess")],
    scopeKind: "all",
  });
  const gina = await callerFor(t.db, "globex", "gina");
  const full = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "matrix-full" }, "login-full");
  const readonly = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "matrix-readonly" }, "login-readonly");
  await assumeRole(t.db, gina, { accountName: "acme", agencyName: "matrix-doomed" }, "login-ended");
  const { deleteAgency } = await import("@/lib/agencies/agencies");
  await deleteAgency(t.db, acme, { agencyId: doomed.id });
  const globexRoot = await callerFor(t.db, "globex");
  await registerDelegatedAdmin(t.db, acme, { service: "config", accountId: globexRoot.accountId });
  await deregisterDelegatedAdmin(t.db, acme, { service: "config", accountId: globexRoot.accountId });
  const plain = (caller: Caller, loginId: string) => ({ caller, loginId, roleEnded: null, roleNotice: null });
  identities = {
    owner: plain(acme, "login-owner"),
    otherRoot: plain(await callerFor(t.db, "umbrella"), "login-umbrella"),
    noPermission: plain(await callerFor(t.db, "acme", "bob"), "login-bob"),
    switchedAllowed: plain(full.caller, "login-full"),
    switchedDenied: plain(readonly.caller, "login-readonly"),
    endedRole: {
      caller: gina,
      loginId: "login-ended",
      roleEnded: "Your role session as matrix-doomed@acme has ended: the agency was deleted.",
      roleNotice: null,
    },
    removedDelegatedAdmin: plain(globexRoot, "login-globex"),
  };
});
afterAll(() => t.dispose());

async function run(name: string, kind: Kind) {
  return runAction(t.db, identities.owner.caller, kind === "anonymous" ? null : identities[kind], allActions[name]!, matrix[name]!.fields);
}

test("every server action of the console has a row in the matrix, and runs a command of the domain", () => {
  expect(Object.keys(allActions).length).toBeGreaterThan(30);
  expect(Object.keys(matrix).sort()).toEqual(Object.keys(allActions).sort());
  for (const [name, serverAction] of Object.entries(allActions)) expect(commandOf(serverAction) !== undefined, name).toBe(!browserOnly.has(name));
});

test("every command of the domain is reachable from a server action, so the matrix exercises it", () => {
  const reachable = new Set(Object.values(allActions).map(commandOf));
  expect(domainCommands.length).toBeGreaterThan(30);
  expect(domainCommands.filter(({ command }) => !reachable.has(command)).map(({ name }) => name)).toEqual([]);
});

describe.each(Object.keys(matrix))("%s", (name) => {
  test.each(kinds)("as %s", async (kind) => {
    const expected: Outcome = kind === "anonymous" ? "sign-in" : matrix[name]!.allowed.includes(kind) ? "ok" : "refused";
    const { outcome, wroteWhenRefused, events } = await run(name, kind);
    expect(outcome).toBe(expected);
    expect(wroteWhenRefused).toBe(false);
    // The audit trail speaks the command's own declaration: only its actions, and a refusal at most once.
    const declared = commandOf(allActions[name]!)?.actions ?? [];
    expect(events.map((e) => e.action).filter((a) => !declared.includes(a as ActionName))).toEqual([]);
    if (outcome === "refused") expect(events.filter((e) => e.decision === "allow")).toEqual([]);
    if (outcome === "refused") expect(events.length).toBeLessThanOrEqual(1);
  });
});

describe("route handlers", () => {
  const handlers: Record<string, { call: () => Promise<Response>; status: Partial<Record<Kind, number>> & { otherwise: number } }> = {
    "GET /api/role/status": {
      call: async () => (await import("@/app/api/role/status/route")).GET(),
      status: { anonymous: 401, otherwise: 200 },
    },
    "GET /api/role/agencies": {
      call: async () => {
        const { NextRequest } = await import("next/server");
        return (await import("@/app/api/role/agencies/route")).GET(new NextRequest("http://localhost/api/role/agencies?account=acme"));
      },
      status: { anonymous: 401, otherwise: 200 },
    },
    "GET /api/notifications/unread": {
      call: async () => (await import("@/app/api/notifications/unread/route")).GET(),
      status: { anonymous: 401, otherwise: 200 },
    },
    "POST /api/audit/export": {
      call: async () => {
        const { NextRequest } = await import("next/server");
        const body = new URLSearchParams({ format: "json" });
        const headers = { origin: "http://localhost", "sec-fetch-site": "same-origin", host: "localhost" };
        return (await import("@/app/api/audit/export/route")).POST(new NextRequest("http://localhost/api/audit/export", { method: "POST", body, headers }));
      },
      // Each caller exports its own account's trail, or the acting one's while switched; bob and the read-only role may not;
      // a role that has ended exports nothing (the click was meant for the delegating account's trail).
      status: { anonymous: 401, noPermission: 403, switchedDenied: 403, endedRole: 409, otherwise: 200 },
    },
  };

  describe.each(Object.keys(handlers))("%s", (name) => {
    test.each(kinds)("as %s", async (kind) => {
      state.db = t.db;
      state.identity = kind === "anonymous" ? null : identities[kind];
      const handler = handlers[name]!;
      const response = await handler.call();
      expect(response.status).toBe(handler.status[kind] ?? handler.status.otherwise);
      if (name === "GET /api/role/agencies" && response.status === 200) {
        // Suggestions only for callers allowed to switch, and only agencies that trust their own account.
        const { agencies: offered } = (await response.json()) as { agencies: string[] };
        const mayAssume = ["switchedAllowed", "switchedDenied", "endedRole", "removedDelegatedAdmin"].includes(kind);
        expect(offered.includes("globex-ops")).toBe(mayAssume);
      }
    });
  });
});
