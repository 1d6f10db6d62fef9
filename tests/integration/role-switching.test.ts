import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agencies, auditEvents, ecsInstances, enterpriseProjects, policies, roleSessions } from "@/db/schema";
import { createAgency, deleteAgency, getAgency } from "@/lib/agencies/agencies";
import { addAgencyPermissions, removeAgencyPermission } from "@/lib/agencies/permissions";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, type DomainError } from "@/lib/errors";
import { listUsers } from "@/lib/iam/users";
import { createInstance, listInstances, startInstance, stopInstance } from "@/lib/resources/ecs";
import { listBuckets } from "@/lib/resources/obs";
import {
  assumeRole,
  endOwnRoleSession,
  endRoleSessionAsOwner,
  listActiveRoleSessions,
  recentRolesOf,
  resolveRoleSession,
  suggestAgencies,
} from "@/lib/roles/role-sessions";
import { agencyTrustingGlobex, callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { auditCount } from "../helpers/snapshot";
import { english, englishNotice } from "../helpers/english";

let t: TestDatabase;
let acme: Caller;
let gina: Caller;
let policy: Record<string, string>;
const LOGIN = "login-1";

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  gina = await callerFor(t.db, "globex", "gina");
  policy = Object.fromEntries((await t.db.select().from(policies)).filter((p) => p.accountId === null).map((p) => [p.name, p.id]));
});
afterAll(() => t.dispose());

async function instanceId(name: string) {
  const [row] = await t.db
    .select()
    .from(ecsInstances)
    .where(and(eq(ecsInstances.accountId, acme.accountId), eq(ecsInstances.name, name)));
  return row!.id;
}

const agencyFor = (name: string, over: Record<string, unknown> = {}) => agencyTrustingGlobex(t.db, acme, policy["ECS FullAccess"]!, name, over);

async function switchIn(who: Caller, agencyName: string, login = LOGIN) {
  const { roleSessionId, caller } = await assumeRole(t.db, who, { accountName: "acme", agencyName }, login);
  return { roleSessionId, caller };
}

describe("switching into acme through globex-ops", () => {
  test("gina acts in acme with exactly ECS FullAccess", async () => {
    const { caller } = await switchIn(gina, "globex-ops");
    expect(caller).toMatchObject({ accountName: "acme", principalAccountName: "globex", userName: "gina", agency: { name: "globex-ops", expiresAt: null } });
    expect((await listInstances(t.db, caller)).map((i) => i.name)).toEqual(["pay-api-01", "pay-batch-01", "web-01", "web-02"]);
    await stopInstance(t.db, caller, { instanceId: await instanceId("web-02") });
    await expect(listUsers(t.db, caller)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(listBuckets(t.db, caller)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(
      createAgency(t.db, caller, {
        name: "x",
        type: "account",
        delegatedAccount: "globex",
        validityKind: "unlimited",
        policyIds: [policy["ECS FullAccess"]],
        scopeKind: "all",
      }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test("the audit trail of acme names both the real user and the agency", async () => {
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.accountId, acme.accountId));
    expect(events.find((e) => e.action === "ecs:instances:stop" && e.target === "ECS instance web-02")).toMatchObject({
      actor: "globex/gina",
      agencyName: "globex-ops",
      decision: "allow",
      actorAccountId: gina.accountId,
    });
    expect(events.find((e) => e.action === "iam:agencies:assume")).toMatchObject({ actor: "globex/gina", agencyName: "globex-ops" });
    expect(events.find((e) => e.action === "iam:users:list" && e.decision === "deny")).toMatchObject({ actor: "globex/gina", agencyName: "globex-ops" });
    const own = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, gina.accountId), eq(auditEvents.action, "iam:agencies:assume")));
    expect(own[0]).toMatchObject({ actor: "globex/gina", target: "agency acme/globex-ops", decision: "allow", agencyName: null });
  });

  test("globex's root may switch too; Switch Back is recorded", async () => {
    const root = await callerFor(t.db, "globex");
    const { caller, roleSessionId } = await switchIn(root, "globex-ops", "root-login");
    await endOwnRoleSession(t.db, caller, { reason: "switched_back" });
    const resolved = englishNotice(await resolveRoleSession(t.db, root, roleSessionId, "root-login"));
    expect(resolved).toEqual({ ok: false, notice: "Your role session as globex-ops@acme has ended: you switched back." });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:agencies:switchBack"), eq(auditEvents.actor, "globex (root)")));
    expect(event).toMatchObject({ accountId: acme.accountId, agencyName: "globex-ops" });
  });
});

describe("refusals", () => {
  test("gus, without iam:agencies:assume, is refused and the refusal is recorded in globex", async () => {
    const gus = await callerFor(t.db, "globex", "gus");
    const error = await rejection(() => switchIn(gus, "globex-ops"));
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error.message).toMatch(/iam:agencies:assume/);
    const [denial] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actor, "globex/gus"), eq(auditEvents.action, "iam:agencies:assume")));
    expect(denial).toMatchObject({ accountId: gina.accountId, decision: "deny" });
    expect(await suggestAgencies(t.db, gus, "acme")).toEqual([]);
  });

  test("expired, unknown, untrusting and foreign agencies all get the same answer", async () => {
    const umbrella = await callerFor(t.db, "umbrella");
    const initech = await callerFor(t.db, "initech");
    await createAgency(t.db, initech, {
      name: "for-umbrella",
      type: "account",
      delegatedAccount: "umbrella",
      validityKind: "unlimited",
      policyIds: [policy["ECS FullAccess"]],
      scopeKind: "all",
    });
    await createAgency(t.db, acme, {
      name: "service-only",
      type: "service",
      service: "ECS",
      validityKind: "unlimited",
      policyIds: [policy["ECS FullAccess"]],
      scopeKind: "all",
    });
    const attempts: [Caller, string, string][] = [
      [gina, "acme", "old-audit"],
      [gina, "acme", "no-such-agency"],
      [gina, "no-such-account", "globex-ops"],
      [gina, "initech", "for-umbrella"],
      [gina, "acme", "service-only"],
      [umbrella, "acme", "globex-ops"],
    ];
    const answers = [];
    for (const [who, accountName, agencyName] of attempts) {
      const error = await rejection<DomainError>(() => assumeRole(t.db, who, { accountName, agencyName }, LOGIN));
      answers.push([error.code, error.field, english(error.message)]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify(["role.unavailable", "agencyName", "The agency does not exist, has expired, or does not trust your account."])]),
    );
  });

  test("bad input is a field error", async () => {
    const error = await rejection<DomainError>(() => assumeRole(t.db, gina, { accountName: "", agencyName: "x".repeat(65) }, LOGIN));
    expect(Object.keys((error as unknown as { fieldErrors: object }).fieldErrors).sort()).toEqual(["accountName", "agencyName"]);
  });

  test("suggestions list only valid agencies that trust the caller", async () => {
    expect(await suggestAgencies(t.db, gina, "acme")).toContain("globex-ops");
    expect(await suggestAgencies(t.db, gina, "acme")).not.toContain("old-audit");
    expect(await suggestAgencies(t.db, gina, "initech")).toEqual([]);
    expect(await suggestAgencies(t.db, gina, "nobody")).toEqual([]);
  });
});

describe("changes take effect on the next request", () => {
  test("deleting the agency ends the session at once, with the reason", async () => {
    const agency = await agencyFor("to-delete");
    const { roleSessionId } = await switchIn(gina, "to-delete");
    expect((await listActiveRoleSessions(t.db, acme, agency.id)).map((s) => s.userName)).toEqual(["gina"]);
    await deleteAgency(t.db, acme, { agencyId: agency.id });
    expect(englishNotice(await resolveRoleSession(t.db, gina, roleSessionId, LOGIN))).toEqual({
      ok: false,
      notice: "Your role session as to-delete@acme has ended: the agency was deleted.",
    });
  });

  test("a change of the agency's permissions applies to the open session", async () => {
    const agency = await agencyFor("changing");
    const { roleSessionId } = await switchIn(gina, "changing");
    const again = async () => {
      const resolved = englishNotice(await resolveRoleSession(t.db, gina, roleSessionId, LOGIN));
      if (!resolved.ok) throw new Error(resolved.notice);
      return resolved.caller;
    };
    expect((await listInstances(t.db, await again())).length).toBe(4);
    await addAgencyPermissions(t.db, acme, { agencyId: agency.id, policyIds: [policy["OBS ReadOnlyAccess"]], scopeKind: "all" });
    const ecs = (await getAgency(t.db, acme, agency.id)).permissions.find((p) => p.policyName === "ECS FullAccess")!;
    await removeAgencyPermission(t.db, acme, { agencyId: agency.id, permissionId: ecs.id });
    await expect(listInstances(t.db, await again())).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await listBuckets(t.db, await again())).map((b) => b.name)).toContain("acme-logs");
  });

  test("expiry ends the session", async () => {
    const agency = await agencyFor("short-lived", { validityKind: "one_day" });
    const { roleSessionId } = await switchIn(gina, "short-lived");
    expect((await resolveRoleSession(t.db, gina, roleSessionId, LOGIN)).ok).toBe(true);
    await t.db
      .update(agencies)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(agencies.id, agency.id));
    expect(englishNotice(await resolveRoleSession(t.db, gina, roleSessionId, LOGIN))).toEqual({
      ok: false,
      notice: "Your role session as short-lived@acme has ended: the agency has expired.",
    });
  });

  test("the delegating account can see and end an active session", async () => {
    const agency = await agencyFor("watched");
    const { roleSessionId } = await switchIn(gina, "watched");
    const [session] = await listActiveRoleSessions(t.db, acme, agency.id);
    expect(session).toMatchObject({ id: roleSessionId, principalAccount: "globex", userName: "gina" });
    const bob = await callerFor(t.db, "acme", "bob");
    await expect(endRoleSessionAsOwner(t.db, bob, { agencyId: agency.id, roleSessionId })).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await resolveRoleSession(t.db, gina, roleSessionId, LOGIN)).ok).toBe(true);
    await endRoleSessionAsOwner(t.db, acme, { agencyId: agency.id, roleSessionId });
    expect(englishNotice(await resolveRoleSession(t.db, gina, roleSessionId, LOGIN))).toMatchObject({
      ok: false,
      notice: expect.stringContaining("the delegating account ended it"),
    });
    expect(await listActiveRoleSessions(t.db, acme, agency.id)).toEqual([]);
  });

  test("a role session belongs to one sign-in and one principal", async () => {
    const { roleSessionId } = await switchIn(gina, "globex-ops", "login-a");
    expect((await resolveRoleSession(t.db, gina, roleSessionId, "login-b")).ok).toBe(false);
    const gus = await callerFor(t.db, "globex", "gus");
    expect((await resolveRoleSession(t.db, gus, roleSessionId, "login-a")).ok).toBe(false);
    expect((await resolveRoleSession(t.db, gina, "not-a-uuid", "login-a")).ok).toBe(false);
    // Switching again in the same sign-in ends the previous role session.
    await switchIn(gina, "globex-ops", "login-a");
    expect((await resolveRoleSession(t.db, gina, roleSessionId, "login-a")).ok).toBe(false);
  });
});

describe("scope while switched", () => {
  test("a region-scoped agency shows and manages only that region", async () => {
    await agencyFor("beijing-only", { scopeKind: "regions", regions: ["cn-north-4"] });
    const { caller } = await switchIn(gina, "beijing-only");
    expect((await listInstances(t.db, caller)).map((i) => i.name)).toEqual(["pay-api-01", "web-01"]);
    await expect(startInstance(t.db, caller, { instanceId: await instanceId("pay-batch-01") })).rejects.toBeInstanceOf(AccessDeniedError);
    const [defaultProject] = await t.db
      .select()
      .from(enterpriseProjects)
      .where(and(eq(enterpriseProjects.accountId, acme.accountId), eq(enterpriseProjects.name, "default")));
    await expect(
      createInstance(t.db, caller, { name: "paris", regionId: "eu-west-0", enterpriseProjectId: defaultProject!.id, flavor: "s6.small.1" }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    const created = await createInstance(t.db, caller, {
      name: "beijing",
      regionId: "cn-north-4",
      enterpriseProjectId: defaultProject!.id,
      flavor: "s6.small.1",
    });
    expect(created.name).toBe("beijing");
  });

  test("an enterprise-project agency sees only that project", async () => {
    const [payments] = await t.db
      .select()
      .from(enterpriseProjects)
      .where(and(eq(enterpriseProjects.accountId, acme.accountId), eq(enterpriseProjects.name, "payments")));
    await agencyFor("payments-only", { scopeKind: "projects", projects: [payments!.id] });
    const { caller } = await switchIn(gina, "payments-only");
    expect((await listInstances(t.db, caller)).map((i) => i.name)).toEqual(["pay-api-01", "pay-batch-01"]);
  });

  test("recent roles list the latest first, at most ten", async () => {
    for (let i = 0; i < 11; i++) await agencyFor(`recent-${i}`);
    for (let i = 0; i < 11; i++) await switchIn(gina, `recent-${i}`);
    const recent = await recentRolesOf(t.db, gina);
    expect(recent).toHaveLength(10);
    expect(recent[0]).toMatchObject({ accountName: "acme", agencyName: "recent-10" });
    expect(recent.map((r) => r.agencyName)).not.toContain("recent-0");
  });
});

test("re-creating a deleted agency under the same name does not revive the sessions that used the old one", async () => {
  const created = await createAgency(t.db, acme, {
    name: "phoenix",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [policy["ECS FullAccess"]!],
    scopeKind: "all",
  });
  const { roleSessionId } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "phoenix" }, "login-phoenix");
  await deleteAgency(t.db, acme, { agencyId: created.id });
  await createAgency(t.db, acme, {
    name: "phoenix",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [policy["ECS FullAccess"]!],
    scopeKind: "all",
  });
  const resolved = englishNotice(await resolveRoleSession(t.db, gina, roleSessionId, "login-phoenix"));
  expect(resolved).toEqual({ ok: false, notice: "Your role session as phoenix@acme has ended: the agency was deleted." });
});

describe("found by an attack: role session ends in the delegating account's trail", () => {
  test("switching into a second role ends the first, and the first delegating account records it", async () => {
    const initech = await callerFor(t.db, "initech");
    const acme = await callerFor(t.db, "acme");
    const gina = await callerFor(t.db, "globex", "gina");
    const [ecsRo] = await t.db.select().from(policies).where(eq(policies.name, "ECS ReadOnlyAccess"));
    await createAgency(t.db, initech, {
      name: "globex-ro",
      type: "account",
      delegatedAccount: "globex",
      validityKind: "unlimited",
      policyIds: [ecsRo!.id],
      scopeKind: "all",
    });
    const loginId = "00000000-0000-4000-8000-000000000001";
    const first = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "globex-ops" }, loginId);
    await assumeRole(t.db, gina, { accountName: "initech", agencyName: "globex-ro" }, loginId);
    const [s1] = await t.db.select().from(roleSessions).where(eq(roleSessions.id, first.roleSessionId));
    expect(s1!.endedReason).toBe("switched_back");
    const ends = await t.db
      .select({ detail: auditEvents.detail, agencyName: auditEvents.agencyName })
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, acme.accountId), eq(auditEvents.action, "iam:agencies:switchBack")));
    expect(ends).toContainEqual({ agencyName: "globex-ops", detail: expect.objectContaining({ roleSessionId: first.roleSessionId, reason: "switched_back" }) });
  });

  test("Switch Back of a session its owner already ended records nothing", async () => {
    const acme = await callerFor(t.db, "acme");
    const gina = await callerFor(t.db, "globex", "gina");
    const loginId = "00000000-0000-4000-8000-000000000002";
    const { roleSessionId, caller: acting } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "globex-ops" }, loginId);
    await endRoleSessionAsOwner(t.db, acme, { agencyId: acting.agency!.id, roleSessionId });
    const before = await auditCount(t.db);
    await endOwnRoleSession(t.db, acting, { reason: "switched_back" }, loginId);
    const [s] = await t.db.select().from(roleSessions).where(eq(roleSessions.id, roleSessionId));
    expect(s!.endedReason).toBe("ended_by_owner");
    expect(await auditCount(t.db)).toBe(before);
  });
});
