import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts, auditEvents, delegatedAdmins, rdFolders, rdMembers, users } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, type DomainError, type ValidationError } from "@/lib/errors";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import {
  createFolder,
  deleteFolder,
  directoryStructure,
  getMemberDetails,
  enableDirectory,
  getDirectoryOverview,
  inviteAccount,
  leaveDirectory,
  moveMember,
  removeMember,
  renameFolder,
  respondToInvitation,
} from "@/lib/rd/directory";
import {
  delegationCandidates,
  deregisterDelegatedAdmin,
  getTrustedService,
  listTrustedServices,
  multiAccountView,
  myDelegatedServices,
  registerDelegatedAdmin,
  setTrustedAccess,
} from "@/lib/rd/delegated-admins";
import { wholeDirectory } from "@/tests/helpers/directory";
import { hashPassword } from "@/lib/auth/password";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { english, englishFields } from "../helpers/english";

let t: TestDatabase;
let acme: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  // Enough connections for the parallel registrations to really run in parallel on PostgreSQL.
  t = await testDatabase({ poolSize: 20 });
  acme = await callerFor(t.db, "acme");
  ids = Object.fromEntries((await t.db.select().from(accounts)).map((a) => [a.name, a.id]));
});
afterAll(() => t.dispose());

const register = (caller: Caller, service: string, account: string) => registerDelegatedAdmin(t.db, caller, { service, accountId: ids[account] });
const deregister = (caller: Caller, service: string, account: string) => deregisterDelegatedAdmin(t.db, caller, { service, accountId: ids[account] });

describe("the demo directory", () => {
  test("acme manages Root with Production (globex) and Development (initech); umbrella is outside", async () => {
    const { members, pathOf } = await wholeDirectory(t.db, acme);
    const where = Object.fromEntries(members.map((m) => [m.name, pathOf(m.folderId)]));
    expect(where).toEqual({ acme: "Root", globex: "Root / Production", initech: "Root / Development" });
    // The console opens Root: its members and its subfolders; a folder opens on demand.
    const root = await directoryStructure(t.db, acme);
    expect(root.trail.map((f) => f.name)).toEqual(["Root"]);
    expect(root.members!.rows.map((m) => m.name)).toEqual(["acme"]);
    const subfolders = root.subfolders.get(root.folder.id)!.folders;
    expect(subfolders.map((f) => f.name)).toEqual(["Development", "Production"]);
    const production = await directoryStructure(t.db, acme, { folder: subfolders[1]!.id });
    expect(production.trail.map((f) => f.name)).toEqual(["Root", "Production"]);
    expect(production.members!.rows.map((m) => m.name)).toEqual(["globex"]);
    // A search finds a member in any folder, with its path.
    const found = await directoryStructure(t.db, acme, { q: "INIT" });
    expect(found.matches!.rows).toMatchObject([{ name: "initech", folder: "Root / Development" }]);
    expect((await getDirectoryOverview(t.db, acme)).role).toBe("management");
    expect((await getDirectoryOverview(t.db, await callerFor(t.db, "globex"))).role).toBe("member");
    expect((await getDirectoryOverview(t.db, await callerFor(t.db, "umbrella"))).role).toBe("none");
  });

  test("the Trusted Services page lists the catalogue with support and maximum", async () => {
    const services = await listTrustedServices(t.db, acme);
    expect(services.map((s) => [s.name, s.maxDelegatedAdmins])).toEqual([
      ["Action Trail", 1],
      ["Cloud Firewall", 3],
      ["Config Audit", 5],
      ["Resource Sharing", null],
      ["Security Center", 1],
      ["Tag Policy", null],
    ]);
  });
});

describe("delegated administrator accounts", () => {
  test("register globex for Config Audit; globex sees the directory in the module; after removal it is refused", async () => {
    const globex = await callerFor(t.db, "globex");
    await expect(multiAccountView(t.db, globex, "config")).rejects.toMatchObject({ code: "rd.not_delegated_admin" });
    await register(acme, "config", "globex");
    const page = await getTrustedService(t.db, acme, "config");
    expect(page.trustedAccess).toBe(true);
    expect(page.admins).toMatchObject([{ name: "globex", folder: "Root / Production" }]);
    // Neither the management account nor a registered member is offered.
    expect((await delegationCandidates(t.db, acme, "config", "")).candidates.map((c) => c.name)).toEqual(["initech"]);

    const view = await multiAccountView(t.db, globex, "config");
    expect(view.members!.rows.map((m) => m.name)).toEqual(["acme"]);
    expect(view.subfolders.get(view.folder.id)!.folders.map((f) => f.name)).toEqual(["Development", "Production"]);
    expect((await multiAccountView(t.db, globex, "config", { q: "e" })).matches!.rows.map((m) => m.name)).toEqual(["acme", "globex", "initech"]);
    expect((await myDelegatedServices(t.db, globex)).map((s) => s.name)).toEqual(["Config Audit"]);
    // Another service is still refused.
    await expect(multiAccountView(t.db, globex, "cloudfw")).rejects.toMatchObject({ code: "rd.not_delegated_admin" });

    await deregister(acme, "config", "globex");
    await expect(multiAccountView(t.db, globex, "config")).rejects.toMatchObject({ code: "rd.not_delegated_admin" });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, acme.accountId), eq(auditEvents.target, "trusted service Config Audit")));
    expect(events.map((e) => [e.action, e.decision, (e.detail as { account: string }).account])).toEqual([
      ["resourcemanager:RegisterDelegatedAdministrator", "allow", "globex"],
      ["resourcemanager:DeregisterDelegatedAdministrator", "allow", "globex"],
    ]);
  });

  test.each([
    ["a service that does not support it", "tag", "globex", "rd.service_no_delegation"],
    ["an account outside the directory", "config", "umbrella", "rd.delegate_not_member"],
    ["the management account", "config", "acme", "rd.delegate_management"],
    ["an unknown service", "lambda", "globex", "rd.service_not_found"],
  ])("refuses %s", async (_label, service, account, code) => {
    const error = await rejection<DomainError>(() => register(acme, service, account));
    expect(error.code).toBe(code);
    expect(await t.db.select().from(delegatedAdmins)).toEqual([]);
  });

  test("refuses a second registration of the same account, and more than the maximum", async () => {
    await register(acme, "actiontrail", "globex");
    await expect(register(acme, "actiontrail", "globex")).rejects.toMatchObject({ code: "rd.already_delegated" });
    const error = await rejection<DomainError>(() => register(acme, "actiontrail", "initech"));
    expect(error.code).toBe("rd.max_delegated");
    expect(english(error.message)).toBe("Action Trail allows at most 1 delegated administrator account; remove one before adding another.");
    await expect(setTrustedAccess(t.db, acme, { service: "actiontrail", enabled: "no" })).rejects.toMatchObject({ code: "rd.trusted_access_in_use" });
    await deregister(acme, "actiontrail", "globex");
    await expect(deregister(acme, "actiontrail", "globex")).rejects.toMatchObject({ code: "rd.delegate_not_found" });
    await setTrustedAccess(t.db, acme, { service: "actiontrail", enabled: "no" });
    expect((await listTrustedServices(t.db, acme)).find((s) => s.principal === "actiontrail")?.trustedAccess).toBe(false);
  });

  test("a member account cannot register or see the management pages", async () => {
    const globex = await callerFor(t.db, "globex");
    await expect(register(globex, "config", "initech")).rejects.toMatchObject({ code: "rd.none" });
    await expect(listTrustedServices(t.db, globex)).rejects.toMatchObject({ code: "rd.none" });
  });

  test("acme/bob is refused; a custom policy with the seed's two actions lets him add and remove", async () => {
    const bob = await callerFor(t.db, "acme", "bob");
    const denied = await rejection(() => register(bob, "cloudfw", "initech"));
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(denied.message).toMatch(/resourcemanager:RegisterDelegatedAdministrator/);
    await expect(listTrustedServices(t.db, bob)).rejects.toBeInstanceOf(AccessDeniedError);

    const policy = await createPolicy(t.db, acme, {
      name: "delegated-admin-managers",
      document: JSON.stringify({
        Version: "1",
        Statement: [
          { Action: ["resourcemanager:RegisterDelegatedAdministrator", "resourcemanager:DeregisterDelegatedAdministrator"], Resource: "*", Effect: "Allow" },
        ],
      }),
    });
    const group = await createGroup(t.db, acme, { name: "rd-delegators" });
    await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: policy.id, scopeKind: "all" });
    const [bobRow] = await t.db
      .select()
      .from(users)
      .where(and(eq(users.accountId, acme.accountId), eq(users.name, "bob")));
    await addUserToGroup(t.db, acme, { userId: bobRow!.id, groupId: group.id });

    await register(bob, "cloudfw", "initech");
    expect((await getTrustedService(t.db, bob, "cloudfw")).admins.map((a) => a.name)).toEqual(["initech"]);
    await deregister(bob, "cloudfw", "initech");
    // The two actions open nothing else.
    await expect(createFolder(t.db, bob, { name: "bobs", parentId: (await directoryStructure(t.db, acme)).folder.id })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
  });

  test("20 parallel registrations for a service with maximum 1 end with exactly one registered", async () => {
    const { folders } = await wholeDirectory(t.db, acme);
    const root = folders.find((f) => f.parentId === null)!;
    const hash = await hashPassword("Irrelevant-1");
    const extra: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [account] = await t.db
        .insert(accounts)
        .values({ name: `racer-${i}`, passwordHash: hash })
        .returning();
      await t.db
        .insert(rdMembers)
        .values({ accountId: account!.id, directoryId: root && (await directoryStructure(t.db, acme)).directory.id, folderId: root.id });
      extra.push(account!.id);
    }
    const results = await Promise.allSettled(extra.map((accountId) => registerDelegatedAdmin(t.db, acme, { service: "securitycenter", accountId })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "rd.max_delegated" });
    const rows = await t.db.select().from(delegatedAdmins).where(eq(delegatedAdmins.servicePrincipal, "securitycenter"));
    expect(rows).toHaveLength(1);
  });
});

describe("folders, members and invitations", () => {
  test("create, rename and delete folders with their rules", async () => {
    const { folders } = await wholeDirectory(t.db, acme);
    const root = folders.find((f) => f.parentId === null)!;
    const production = folders.find((f) => f.name === "Production")!;
    const eu = await createFolder(t.db, acme, { name: "EU", parentId: production.id });
    await expect(createFolder(t.db, acme, { name: "EU", parentId: production.id })).rejects.toMatchObject({ code: "rd.folder_name_taken", field: "name" });
    const empty = await rejection<ValidationError>(() => createFolder(t.db, acme, { name: "", parentId: production.id }));
    expect(englishFields(empty.fieldErrors)).toEqual({ name: ["Folder name is required."] });
    const long = await rejection<ValidationError>(() => createFolder(t.db, acme, { name: "x".repeat(25), parentId: production.id }));
    expect(englishFields(long.fieldErrors)).toEqual({ name: ["Folder name must be at most 24 characters."] });
    await renameFolder(t.db, acme, { folderId: eu.id, name: "Europe" });
    await expect(renameFolder(t.db, acme, { folderId: root.id, name: "Top" })).rejects.toMatchObject({ code: "rd.root_readonly" });
    await expect(deleteFolder(t.db, acme, { folderId: production.id })).rejects.toMatchObject({ code: "rd.folder_not_empty" });
    let parent = eu.id;
    for (const level of ["L3", "L4", "L5"]) parent = (await createFolder(t.db, acme, { name: level, parentId: parent })).id;
    await expect(createFolder(t.db, acme, { name: "L6", parentId: parent })).rejects.toMatchObject({ code: "rd.folder_too_deep" });
    await deleteFolder(t.db, acme, { folderId: parent });
    expect((await wholeDirectory(t.db, acme)).folders.some((f) => f.name === "L5")).toBe(false);
  });

  test("move a member between folders", async () => {
    const { folders } = await wholeDirectory(t.db, acme);
    const development = folders.find((f) => f.name === "Development")!;
    await moveMember(t.db, acme, { accountId: ids.globex, folderId: development.id });
    expect((await getMemberDetails(t.db, acme, ids.globex)).folder).toBe("Root / Development");
    const production = folders.find((f) => f.name === "Production")!;
    await moveMember(t.db, acme, { accountId: ids.globex, folderId: production.id });
    await expect(moveMember(t.db, acme, { accountId: ids.umbrella, folderId: production.id })).rejects.toMatchObject({ code: "rd.member_not_found" });
  });

  test("invite umbrella, which accepts in its own console; remove it; it can be invited again and decline", async () => {
    const umbrella = await callerFor(t.db, "umbrella");
    await expect(inviteAccount(t.db, acme, { accountName: "nobody" })).rejects.toMatchObject({ code: "rd.invitee_unknown", field: "accountName" });
    await expect(inviteAccount(t.db, acme, { accountName: "globex" })).rejects.toMatchObject({ code: "rd.invitee_member" });
    // Account names are found regardless of letter case.
    await inviteAccount(t.db, acme, { accountName: "Umbrella" });
    await expect(inviteAccount(t.db, acme, { accountName: "umbrella" })).rejects.toMatchObject({ code: "rd.invitee_pending" });
    const [invitation] = (await getDirectoryOverview(t.db, umbrella)).invitations;
    expect(invitation).toMatchObject({ managementName: "acme" });
    await expect(respondToInvitation(t.db, await callerFor(t.db, "globex"), { invitationId: invitation!.id, accept: "yes" })).rejects.toMatchObject({
      code: "rd.invitation_not_found",
    });
    await respondToInvitation(t.db, umbrella, { invitationId: invitation!.id, accept: "yes" });
    expect((await wholeDirectory(t.db, acme)).members.map((m) => m.name)).toContain("umbrella");

    await register(acme, "config", "umbrella");
    await removeMember(t.db, acme, { accountId: ids.umbrella });
    expect(await t.db.select().from(delegatedAdmins).where(eq(delegatedAdmins.accountId, ids.umbrella!))).toEqual([]);
    await expect(removeMember(t.db, acme, { accountId: ids.acme })).rejects.toMatchObject({ code: "rd.remove_management" });

    await inviteAccount(t.db, acme, { accountName: "umbrella" });
    const [again] = (await getDirectoryOverview(t.db, umbrella)).invitations;
    await respondToInvitation(t.db, umbrella, { invitationId: again!.id, accept: "no" });
    expect((await getDirectoryOverview(t.db, umbrella)).role).toBe("none");
  });

  test('accepting an invitation joins under the directory\'s root, even beside a member folder named "Root"', async () => {
    const umbrella = await callerFor(t.db, "umbrella");
    const { folders } = await wholeDirectory(t.db, acme);
    const root = folders.find((f) => f.parentId === null)!;
    const production = folders.find((f) => f.name === "Production")!;
    const impostor = await createFolder(t.db, acme, { name: "Root", parentId: production.id });
    // An update rewrites the real root's row at the end of the table, where a scan by name finds it last.
    await t.db.update(rdFolders).set({ name: "Root" }).where(eq(rdFolders.id, root.id));
    await inviteAccount(t.db, acme, { accountName: "umbrella" });
    const [invitation] = (await getDirectoryOverview(t.db, umbrella)).invitations;
    await respondToInvitation(t.db, umbrella, { invitationId: invitation!.id, accept: "yes" });
    const [membership] = await t.db.select().from(rdMembers).where(eq(rdMembers.accountId, ids.umbrella!));
    expect(membership!.folderId).toBe(root.id);
    expect((await getMemberDetails(t.db, acme, ids.umbrella)).folder).toBe("Root");
    await removeMember(t.db, acme, { accountId: ids.umbrella });
    await deleteFolder(t.db, acme, { folderId: impostor.id });
  });

  test("a member that leaves loses its delegated administrator view on the next request", async () => {
    const initech = await callerFor(t.db, "initech");
    await register(acme, "config", "initech");
    expect((await multiAccountView(t.db, initech, "config")).service.name).toBe("Config Audit");
    await leaveDirectory(t.db, initech, {});
    await expect(multiAccountView(t.db, initech, "config")).rejects.toMatchObject({ code: "rd.not_delegated_admin" });
    await expect(leaveDirectory(t.db, acme, {})).rejects.toMatchObject({ code: "rd.remove_management" });
  });

  test("an account outside any directory can enable its own, once", async () => {
    const umbrella = await callerFor(t.db, "umbrella");
    const directory = await enableDirectory(t.db, umbrella, {});
    expect(directory.managementAccountId).toBe(umbrella.accountId);
    await expect(enableDirectory(t.db, umbrella, {})).rejects.toMatchObject({ code: "rd.already_member" });
    await expect(enableDirectory(t.db, acme, {})).rejects.toMatchObject({ code: "rd.already_member" });
    const { folders } = await wholeDirectory(t.db, umbrella);
    expect(folders.map((f) => f.name)).toEqual(["Root"]);
    const [acmeRoot] = await t.db
      .select()
      .from(rdFolders)
      .where(and(eq(rdFolders.name, "Root"), eq(rdFolders.directoryId, (await directoryStructure(t.db, acme)).directory.id)));
    // Folders of another directory are not found.
    await expect(createFolder(t.db, umbrella, { name: "x", parentId: acmeRoot!.id })).rejects.toMatchObject({ code: "rd.folder_not_found" });
  });
});
