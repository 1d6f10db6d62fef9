/**
 * Role sessions: why a session ends and what each trail records (issue 11's mutation run found
 * these unguarded in lib/roles/role-sessions.ts).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts, agencies, auditEvents, roleSessions } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { assumeRole, endOwnRoleSession, LOGIN_MAX_AGE_MS, resolveRoleSession } from "@/lib/roles/role-sessions";
import { createAgency } from "@/lib/agencies/agencies";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { englishNotice } from "../helpers/english";

let t: TestDatabase;
let acme: Caller;
let gina: Caller;
let ecsReadOnly: string;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  gina = await callerFor(t.db, "globex", "gina");
  const { policies } = await import("@/db/schema");
  ecsReadOnly = (await t.db.select().from(policies).where(eq(policies.name, "ECS ReadOnlyAccess")))[0]!.id;
});
afterAll(() => t.dispose());

let n = 0;
/** A fresh agency of acme for globex, switched into by gina on a sign-in of its own. */
async function switched() {
  n++;
  const name = `mut-${n}`;
  const agency = await createAgency(t.db, acme, {
    name,
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [ecsReadOnly],
    scopeKind: "all",
  });
  const loginId = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const { roleSessionId, caller } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: name }, loginId);
  return { name, agencyId: agency.id, loginId, roleSessionId, caller };
}

describe("resolving a role session on each request", () => {
  test("a live session resolves to the switched caller, and its last-seen time moves only after a minute", async () => {
    const s = await switched();
    const resolved = englishNotice(await resolveRoleSession(t.db, gina, s.roleSessionId, s.loginId));
    expect(resolved).toMatchObject({ ok: true, caller: { accountName: "acme", agency: { name: s.name, roleSessionId: s.roleSessionId } } });
    const seen = async () => (await t.db.select().from(roleSessions).where(eq(roleSessions.id, s.roleSessionId)))[0]!.lastSeenAt.getTime();
    const recent = new Date(Date.now() - 30_000);
    await t.db.update(roleSessions).set({ lastSeenAt: recent }).where(eq(roleSessions.id, s.roleSessionId));
    englishNotice(await resolveRoleSession(t.db, gina, s.roleSessionId, s.loginId));
    expect(await seen()).toBe(recent.getTime());
    const old = new Date(Date.now() - 120_000);
    await t.db.update(roleSessions).set({ lastSeenAt: old }).where(eq(roleSessions.id, s.roleSessionId));
    englishNotice(await resolveRoleSession(t.db, gina, s.roleSessionId, s.loginId));
    expect(await seen()).toBeGreaterThan(Date.now() - 10_000);
  });

  test.each([
    ["not an id", "nonsense"],
    ["an id with a prefix", `x${"0".repeat(36)}`],
    ["an id with a suffix", `${"0".repeat(36)}x`],
    ["an unknown id", "00000000-0000-4000-8000-00000000abcd"],
  ])("%s has simply ended", async (_what, id) => {
    expect(englishNotice(await resolveRoleSession(t.db, gina, id, "any"))).toEqual({ ok: false, notice: "Your role session has ended." });
  });

  test.each([
    [
      "the agency was deleted",
      async (s: Awaited<ReturnType<typeof switched>>) => t.db.delete(agencies).where(eq(agencies.id, s.agencyId)),
      "the agency was deleted",
    ],
    [
      "the agency now trusts another account",
      async (s: Awaited<ReturnType<typeof switched>>) => {
        const [initech] = await t.db.select().from(accounts).where(eq(accounts.name, "initech"));
        await t.db.update(agencies).set({ delegatedAccountId: initech!.id }).where(eq(agencies.id, s.agencyId));
      },
      "the agency no longer trusts your account",
    ],
    [
      "the sign-in's maximum age has passed",
      async (s: Awaited<ReturnType<typeof switched>>) =>
        t.db
          .update(roleSessions)
          .set({ startedAt: new Date(Date.now() - LOGIN_MAX_AGE_MS - 60_000) })
          .where(eq(roleSessions.id, s.roleSessionId)),
      "the agency has expired",
    ],
  ])("it ends when %s, saying why", async (_what, change, why) => {
    const s = await switched();
    await change(s);
    expect(englishNotice(await resolveRoleSession(t.db, gina, s.roleSessionId, s.loginId))).toEqual({
      ok: false,
      notice: `Your role session as ${s.name}@acme has ended: ${why}.`,
    });
  });

  test("a session younger than the maximum age still resolves", async () => {
    const s = await switched();
    await t.db
      .update(roleSessions)
      .set({ startedAt: new Date(Date.now() - LOGIN_MAX_AGE_MS + 60_000) })
      .where(eq(roleSessions.id, s.roleSessionId));
    expect((await resolveRoleSession(t.db, gina, s.roleSessionId, s.loginId)).ok).toBe(true);
  });
});

describe("what the trails record", () => {
  const eventsOf = (accountId: string, action: string) =>
    t.db
      .select({ target: auditEvents.target, decision: auditEvents.decision, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, action)));

  test("an unusable agency is refused with the reason in gina's own trail", async () => {
    await rejection(() => assumeRole(t.db, gina, { accountName: "acme", agencyName: "no-such-agency" }, "login-x"));
    expect(await eventsOf(gina.accountId, "iam:agencies:assume")).toContainEqual({
      target: "agency acme/no-such-agency",
      decision: "deny",
      detail: expect.objectContaining({ reason: "errors.auditReason.roleUnavailable" }),
    });
  });

  test("Switch Back and a replaced role are recorded in the delegating account with the agency, the session and the reason", async () => {
    const first = await switched();
    const second = await switched();
    await assumeRole(t.db, gina, { accountName: "acme", agencyName: second.name }, first.loginId);
    const replaced = (await eventsOf(acme.accountId, "iam:agencies:switchBack")).find(
      (e) => (e.detail as { roleSessionId?: string }).roleSessionId === first.roleSessionId,
    );
    expect(replaced).toEqual({
      target: `agency ${first.name}`,
      decision: "allow",
      detail: { roleSessionId: first.roleSessionId, reason: "switched_back", resource: `iam::${acme.accountId}:agency:${first.name}` },
    });
    await endOwnRoleSession(t.db, second.caller, { reason: "signed_out" });
    const back = (await eventsOf(acme.accountId, "iam:agencies:switchBack")).find(
      (e) => (e.detail as { roleSessionId?: string }).roleSessionId === second.roleSessionId,
    );
    expect(back).toEqual({ target: `agency ${second.name}`, decision: "allow", detail: { roleSessionId: second.roleSessionId, reason: "signed_out" } });
  });
});

test("recent roles are kept to those the engine still lets the principal switch to", async () => {
  const s = await switched();
  expect((await (await import("@/lib/roles/role-sessions")).recentRolesOf(t.db, gina)).map((r) => r.agencyName)).toContain(s.name);
  // globex's root denies gina's group switching into that one agency.
  const globex = await callerFor(t.db, "globex");
  const { createPolicy } = await import("@/lib/iam/policies");
  const { grantPolicyToGroup } = await import("@/lib/iam/groups");
  const { groups } = await import("@/db/schema");
  const [operators] = await t.db
    .select()
    .from(groups)
    .where(and(eq(groups.accountId, globex.accountId), eq(groups.name, "operators")));
  const deny = await createPolicy(t.db, globex, {
    name: "no-mut-role",
    document: JSON.stringify({ Version: "1.1", Statement: [{ Effect: "Deny", Action: ["iam:agencies:assume"], Resource: [`*:agency:acme/${s.name}`] }] }),
  });
  await grantPolicyToGroup(t.db, globex, { groupId: operators!.id, policyId: deny.id, scopeKind: "all" });
  const recent = (await (await import("@/lib/roles/role-sessions")).recentRolesOf(t.db, gina)).map((r) => r.agencyName);
  expect(recent).not.toContain(s.name);
  expect(recent.length).toBeGreaterThan(0);
});
