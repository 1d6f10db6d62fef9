import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { agencies, auditEvents, enterpriseProjects, policies } from "@/db/schema";
import {
  AGENCY_COUNT_CAP,
  AGENCY_SEARCH_COUNT_CAP,
  checkAgencyBasics,
  createAgency,
  deleteAgency,
  getAgency,
  listAgencies,
  updateAgency,
} from "@/lib/agencies/agencies";
import { addAgencyPermissions, removeAgencyPermission } from "@/lib/agencies/permissions";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, DomainError, ValidationError } from "@/lib/errors";
import { createPolicy, deletePolicy } from "@/lib/iam/policies";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";
import { auditCount } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;
let alice: Caller;
let bob: Caller;
let policy: Record<string, string>;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  alice = await callerFor(t.db, "acme", "alice");
  bob = await callerFor(t.db, "acme", "bob");
  policy = Object.fromEntries((await t.db.select().from(policies)).filter((p) => p.accountId === null).map((p) => [p.name, p.id]));
});
afterAll(() => t.dispose());

const base = {
  name: "umbrella-readers",
  type: "account",
  delegatedAccount: "umbrella",
  validityKind: "one_day",
  description: "Umbrella reads our ECS",
};
const full = (over: Record<string, unknown> = {}) => ({
  ...base,
  policyIds: [policy["ECS ReadOnlyAccess"]],
  scopeKind: "regions",
  regions: ["cn-north-4"],
  ...over,
});

async function agencyCount() {
  return (await t.db.select().from(agencies)).length;
}

/** Expects the call to fail with a message at `field` and to write nothing, not even an audit event. */
async function expectRefusedAt(field: string, fn: () => Promise<unknown>, message?: RegExp) {
  const before = [await agencyCount(), await auditCount(t.db)];
  const error = await rejection(fn);
  expect(error).toBeInstanceOf(DomainError);
  const fields = error instanceof ValidationError ? error.fieldErrors : { [(error as DomainError).field ?? "?"]: [error.message] };
  expect(Object.keys(fields), JSON.stringify(fields)).toContain(field);
  if (message) expect(fields[field]!.map(english).join(" ")).toMatch(message);
  expect([await agencyCount(), await auditCount(t.db)]).toEqual(before);
}

describe("creating an agency", () => {
  test("the seed's flow: Account type, delegated to umbrella, One day, ECS ReadOnlyAccess on a region", async () => {
    const before = Date.now();
    const created = await createAgency(t.db, acme, full());
    const { agency, delegatedAccountName, permissions } = await getAgency(t.db, acme, created.id);
    expect(agency).toMatchObject({ name: "umbrella-readers", type: "account", validityKind: "one_day", description: "Umbrella reads our ECS" });
    expect(delegatedAccountName).toBe("umbrella");
    const lifetime = agency.expiresAt!.getTime() - before;
    expect(lifetime).toBeGreaterThan(23.9 * 3600_000);
    expect(lifetime).toBeLessThan(24.1 * 3600_000);
    expect(permissions).toMatchObject([{ policyName: "ECS ReadOnlyAccess", scopeKind: "regions", scopeValues: ["cn-north-4"] }]);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:agencies:create"), eq(auditEvents.target, "agency umbrella-readers")));
    expect(event).toMatchObject({ decision: "allow", actor: "acme (root)" });
    expect(event!.detail).toMatchObject({ delegatedParty: "account umbrella", policies: ["ECS ReadOnlyAccess"] });
  });

  test("a cloud service agency with a custom validity and several policies", async () => {
    const created = await createAgency(t.db, alice, {
      name: "config-audit",
      type: "service",
      service: "Config Audit",
      validityKind: "custom",
      validityDays: "30",
      policyIds: [policy["ECS ReadOnlyAccess"], policy["OBS ReadOnlyAccess"]],
      scopeKind: "all",
    });
    const { agency, permissions } = await getAgency(t.db, alice, created.id);
    expect(agency).toMatchObject({ type: "service", service: "Config Audit", delegatedAccountId: null, validityDays: 30 });
    expect(permissions.map((p) => p.policyName)).toEqual(["ECS ReadOnlyAccess", "OBS ReadOnlyAccess"]);
  });

  test.each([
    ["name", { name: "" }, /required/],
    ["name", { name: "n".repeat(65) }, /at most 64/],
    ["name", { name: "bad/name" }, /only letters/],
    ["delegatedAccount", { delegatedAccount: "" }, /Enter the name/],
    ["delegatedAccount", { delegatedAccount: "globex/gina" }, /not an IAM user/],
    ["delegatedAccount", { delegatedAccount: "gina@globex" }, /federated user/],
    ["delegatedAccount", { delegatedAccount: "nonexistent" }, /does not exist/],
    ["delegatedAccount", { delegatedAccount: "gina" }, /does not exist/],
    ["delegatedAccount", { delegatedAccount: "acme" }, /own account/],
    ["service", { type: "service", service: "Lambda" }, /cloud service/],
    ["type", { type: "user" }, /agency type/],
    ["validityKind", { validityKind: "forever" }, /validity period/],
    ["validityDays", { validityKind: "custom", validityDays: "" }, /whole number/],
    ["validityDays", { validityKind: "custom", validityDays: "0" }, /whole number/],
    ["validityDays", { validityKind: "custom", validityDays: "366" }, /whole number/],
    ["validityDays", { validityKind: "custom", validityDays: "1.5" }, /whole number/],
    ["description", { description: "d".repeat(256) }, /at most 255/],
    ["policyIds", { policyIds: [] }, /at least one/],
    ["policyIds", { policyIds: ["00000000-0000-4000-8000-000000000000"] }, /does not exist/],
    ["regions", { regions: [] }, /at least one region/],
    ["regions", { regions: ["mars-1"] }, /regions/],
  ])("bad %s is refused at the field, nothing written", async (field, over, message) => {
    await expectRefusedAt(field, () => createAgency(t.db, acme, full({ name: "refused", ...over })), message);
  });

  test("names are unique per account; another account may reuse one", async () => {
    await expectRefusedAt("name", () => createAgency(t.db, acme, full({ name: "globex-ops" })), /already exists/);
    await expectRefusedAt("name", () => checkAgencyBasics(t.db, acme, { ...base, name: "globex-ops" }), /already exists/);
    const initech = await callerFor(t.db, "initech");
    await createAgency(t.db, initech, full({ name: "globex-ops", delegatedAccount: "globex" }));
  });

  test("two concurrent creates of one name: exactly one succeeds", async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => createAgency(t.db, acme, full({ name: "race" }))));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === "rejected")) {
      expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: "agency.name_taken", field: "name" });
    }
    expect((await listAgencies(t.db, acme, { q: "race" })).rows).toHaveLength(1);
  });

  test("another account's custom policy cannot be attached", async () => {
    const globex = await callerFor(t.db, "globex");
    const foreign = await createPolicy(t.db, globex, { name: "globex-only", document: '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*"]}]}' });
    await expectRefusedAt("policyIds", () => createAgency(t.db, acme, full({ name: "sneaky", policyIds: [foreign.id] })));
  });

  test("bob is refused at the first step and at OK, and nothing is made", async () => {
    await expect(checkAgencyBasics(t.db, bob, base)).rejects.toBeInstanceOf(AccessDeniedError);
    const before = await agencyCount();
    const error = await rejection(() => createAgency(t.db, bob, full({ name: "bobs" })));
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error.message).toMatch(/iam:agencies:create/);
    expect(await agencyCount()).toBe(before);
    const denials = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actor, "acme/bob"), eq(auditEvents.action, "iam:agencies:create")));
    expect(denials.map((d) => d.decision)).toEqual(["deny", "deny"]);
    await expect(listAgencies(t.db, bob)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test("a Tenant Administrator without Security Administrator may not create agencies (IAM actions)", async () => {
    const ian = await callerFor(t.db, "initech", "ian");
    await expect(createAgency(t.db, ian, full({ name: "ians", delegatedAccount: "acme" }))).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("listing", () => {
  test("shows the seeded agencies with their delegated party and expiry, searchable by name", async () => {
    const { rows } = await listAgencies(t.db, acme, {});
    const ops = rows.find((r) => r.name === "globex-ops")!;
    const old = rows.find((r) => r.name === "old-audit")!;
    expect(ops).toMatchObject({ delegatedAccountName: "globex", expiresAt: null });
    expect(old.expiresAt!.getTime()).toBeLessThan(Date.now());
    expect((await listAgencies(t.db, acme, { q: "AUDIT" })).rows.map((r) => r.name)).toContain("old-audit");
    expect((await listAgencies(t.db, acme, { q: "%" })).rows).toEqual([]);
    expect((await listAgencies(t.db, acme, { q: "_" })).rows.every((r) => r.name.includes("_"))).toBe(true);
  });

  test("pages of 20 by keyset, in every order and both directions: Next to the end and Previous back see every agency once", async () => {
    const initech = await callerFor(t.db, "initech");
    for (let i = 0; i < 43; i++) await createAgency(t.db, initech, full({ name: `bulk-${String(i).padStart(2, "0")}`, delegatedAccount: "umbrella" }));
    // Three share one expiry date and one creation instant, so the id decides between them.
    await t.db.execute(sql`update agencies set expires_at = null where name in ('bulk-05', 'bulk-06', 'bulk-07')`);
    await t.db.execute(sql`update agencies set created_at = (select created_at from agencies where name = 'bulk-10') where name in ('bulk-11', 'bulk-12')`);
    const first = await listAgencies(t.db, initech, {});
    expect(first).toMatchObject({ previous: null });
    // The count is the same from any page: the first, the second, the third (4 rows), the last.
    expect(await first.count()).toEqual({ total: 44, totalCapped: false });
    const second = await listAgencies(t.db, initech, { after: first.next });
    expect(await second.count()).toEqual({ total: 44, totalCapped: false });
    expect(await (await listAgencies(t.db, initech, { after: second.next })).count()).toEqual({ total: 44, totalCapped: false });
    expect(await (await listAgencies(t.db, initech, { last: "1" })).count()).toEqual({ total: 44, totalCapped: false });
    // A first page that holds every match counts its own rows.
    expect(await (await listAgencies(t.db, initech, { q: "bulk-4" })).count()).toEqual({ total: 3, totalCapped: false });
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]!.name).toBe("bulk-42");
    for (const order of [
      {},
      { sort: "name", dir: "asc" },
      { sort: "name", dir: "desc" },
      { sort: "expiry", dir: "asc" },
      { sort: "expiry", dir: "desc" },
      { sort: "created", dir: "asc" },
    ]) {
      const forward: string[][] = [];
      let page = await listAgencies(t.db, initech, order);
      forward.push(page.rows.map((r) => r.name));
      while (page.next !== null) {
        page = await listAgencies(t.db, initech, { ...order, after: page.next });
        forward.push(page.rows.map((r) => r.name));
      }
      expect(forward.map((p) => p.length)).toEqual([20, 20, 4]);
      expect(new Set(forward.flat()).size).toBe(44);
      // Last reads the final 20 backwards; Previous from there retraces the whole list.
      let back = await listAgencies(t.db, initech, { ...order, last: "1" });
      expect(back.rows.map((r) => r.name)).toEqual(forward.flat().slice(-20));
      expect(back.next).toBeNull();
      const backward = [back.rows.map((r) => r.name)];
      while (back.previous !== null) {
        back = await listAgencies(t.db, initech, { ...order, before: back.previous });
        backward.unshift(back.rows.map((r) => r.name));
      }
      expect(backward.flat()).toEqual(forward.flat());
    }
    // Unlimited sorts after every date in both directions.
    const byExpiryDesc = await listAgencies(t.db, initech, { sort: "expiry", dir: "desc", last: "1" });
    expect(byExpiryDesc.rows.slice(-3).map((r) => r.expiresAt)).toEqual([null, null, null]);
  });

  test("a cursor the list did not make reads as the first page, never as a database error", async () => {
    const initech = await callerFor(t.db, "initech");
    const first = (await listAgencies(t.db, initech, {})).rows.map((r) => r.name);
    const forged = (key: string, id = "00000000-0000-4000-8000-000000000000") => Buffer.from(JSON.stringify([key, id])).toString("base64url");
    for (const after of ["abc", forged("not a date"), forged("2026-01-01 00:00:00+00", "x'; drop"), forged("'); select 1; --"), "x".repeat(500), ""]) {
      expect((await listAgencies(t.db, initech, { after })).rows.map((r) => r.name)).toEqual(first);
      expect((await listAgencies(t.db, initech, { before: after })).rows.map((r) => r.name)).toEqual(first);
    }
    // A well-formed name cursor is just a place in the alphabet, whatever it says.
    expect((await listAgencies(t.db, initech, { sort: "name", dir: "asc", after: forged("'); select 1; --") })).rows).toHaveLength(20);
  });

  test("the count stops at 10,000 and says so; a name search's count stops at 1,000", async () => {
    const umbrella = await callerFor(t.db, "umbrella");
    await t.db.execute(sql`
      insert into agencies (account_id, name, type, delegated_account_id, validity_kind, expires_at)
      select ${umbrella.accountId}::uuid, 'many-' || g, 'account', (select id from accounts where name = 'acme'), 'one_day', now() + interval '1 day'
      from generate_series(1, ${AGENCY_COUNT_CAP + 5}) g`);
    const counted = async (q?: string) => (await listAgencies(t.db, umbrella, q === undefined ? {} : { q })).count();
    expect(await counted()).toEqual({ total: AGENCY_COUNT_CAP, totalCapped: true });
    // many-1000 and many-10000 … many-10005.
    expect(await counted("many-1000")).toEqual({ total: 7, totalCapped: false });
    expect(await counted("many-")).toEqual({ total: AGENCY_SEARCH_COUNT_CAP, totalCapped: true });
    // many-2 matches 1,111 names (many-2, -20…29, -200…299, -2000…2999); many-29 matches 111, counted exactly.
    expect(await counted("many-2")).toEqual({ total: AGENCY_SEARCH_COUNT_CAP, totalCapped: true });
    expect(await counted("many-29")).toEqual({ total: 111, totalCapped: false });
    await t.db.execute(sql`delete from agencies where name like 'many-%'`);
  });

  test("an account never lists or reads another account's agencies", async () => {
    const globex = await callerFor(t.db, "globex");
    expect((await listAgencies(t.db, globex, {})).rows.map((r) => r.name)).not.toContain("globex-ops");
    const [ops] = await t.db
      .select()
      .from(agencies)
      .where(and(eq(agencies.accountId, acme.accountId), eq(agencies.name, "globex-ops")));
    for (const attempt of [
      () => getAgency(t.db, globex, ops!.id),
      () => deleteAgency(t.db, globex, { agencyId: ops!.id }),
      () => updateAgency(t.db, globex, { agencyId: ops!.id, validityKind: "unlimited" }),
      () => addAgencyPermissions(t.db, globex, { agencyId: ops!.id, policyIds: [policy["Tenant Administrator"]], scopeKind: "all" }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "agency.not_found" });
    }
    expect((await getAgency(t.db, acme, ops!.id)).permissions.map((p) => p.policyName)).toEqual(["ECS FullAccess"]);
  });
});

describe("editing and deleting", () => {
  test("edit description and validity; an unchanged validity keeps its expiry", async () => {
    const created = await createAgency(t.db, acme, full({ name: "editable" }));
    const expiry = (await getAgency(t.db, acme, created.id)).agency.expiresAt;
    await updateAgency(t.db, acme, { agencyId: created.id, validityKind: "one_day", description: "changed" });
    expect((await getAgency(t.db, acme, created.id)).agency).toMatchObject({ description: "changed", expiresAt: expiry });
    await updateAgency(t.db, acme, { agencyId: created.id, validityKind: "unlimited", description: "changed" });
    expect((await getAgency(t.db, acme, created.id)).agency.expiresAt).toBeNull();
    await expectRefusedAt("validityDays", () => updateAgency(t.db, acme, { agencyId: created.id, validityKind: "custom", validityDays: "-3" }));
  });

  test("an expired agency comes back to life when given a new validity", async () => {
    const [old] = await t.db
      .select()
      .from(agencies)
      .where(and(eq(agencies.accountId, acme.accountId), eq(agencies.name, "old-audit")));
    await updateAgency(t.db, acme, { agencyId: old!.id, validityKind: "custom", validityDays: "7", description: old!.description });
    const renewed = (await getAgency(t.db, acme, old!.id)).agency.expiresAt!;
    expect(renewed.getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000);
  });

  test("add and remove permissions; the last one cannot be removed", async () => {
    const created = await createAgency(t.db, acme, full({ name: "perms" }));
    const [payments] = await t.db
      .select()
      .from(enterpriseProjects)
      .where(and(eq(enterpriseProjects.accountId, acme.accountId), eq(enterpriseProjects.name, "payments")));
    await addAgencyPermissions(t.db, acme, {
      agencyId: created.id,
      policyIds: [policy["OBS ReadOnlyAccess"]],
      scopeKind: "projects",
      projects: [payments!.id],
    });
    let { permissions } = await getAgency(t.db, acme, created.id);
    expect(permissions.map((p) => [p.policyName, p.scopeKind])).toEqual([
      ["ECS ReadOnlyAccess", "regions"],
      ["OBS ReadOnlyAccess", "projects"],
    ]);
    await removeAgencyPermission(t.db, acme, { agencyId: created.id, permissionId: permissions[0]!.id });
    ({ permissions } = await getAgency(t.db, acme, created.id));
    expect(permissions.map((p) => p.policyName)).toEqual(["OBS ReadOnlyAccess"]);
    await expect(removeAgencyPermission(t.db, acme, { agencyId: created.id, permissionId: permissions[0]!.id })).rejects.toMatchObject({
      code: "agency.last_permission",
    });
    expect((await getAgency(t.db, acme, created.id)).permissions).toHaveLength(1);
  });

  test("a custom policy attached to an agency cannot be deleted", async () => {
    const custom = await createPolicy(t.db, acme, {
      name: "agency-policy",
      document: '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:instances:list"]}]}',
    });
    await createAgency(t.db, acme, full({ name: "uses-custom", policyIds: [custom.id] }));
    await expect(deletePolicy(t.db, acme, { policyId: custom.id })).rejects.toMatchObject({ code: "policy.in_use" });
  });

  test("delete removes the agency and its permissions, audited", async () => {
    const created = await createAgency(t.db, acme, full({ name: "doomed" }));
    await deleteAgency(t.db, acme, { agencyId: created.id });
    await expect(getAgency(t.db, acme, created.id)).rejects.toMatchObject({ code: "agency.not_found" });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:agencies:delete"), eq(auditEvents.target, "agency doomed")));
    expect(event?.decision).toBe("allow");
    await expect(deleteAgency(t.db, bob, { agencyId: created.id })).rejects.toMatchObject({ code: "agency.not_found" });
  });
});

describe("the scope fits the policies (global services or project-level services)", () => {
  test("a project-level policy in Global services is refused at the scope, naming the policy, and nothing is written", async () => {
    await expectRefusedAt(
      "scopeKind",
      () => createAgency(t.db, acme, full({ name: "no-fit", scopeKind: "global", regions: [] })),
      /"ECS ReadOnlyAccess" is a policy of project-level services/,
    );
  });

  test("a global-service policy alone in region-specific projects is refused", async () => {
    await expectRefusedAt(
      "scopeKind",
      () => createAgency(t.db, acme, full({ name: "no-fit-iam", policyIds: [policy["IAM ReadOnlyAccess"]] })),
      /applies to global services only/,
    );
  });

  test("with both kinds chosen, each gets its fitting scope", async () => {
    const created = await createAgency(t.db, acme, full({ name: "both-kinds", policyIds: [policy["IAM ReadOnlyAccess"], policy["ECS ReadOnlyAccess"]] }));
    const { permissions } = await getAgency(t.db, acme, created.id);
    const byName = Object.fromEntries(permissions.map((p) => [p.policyName, { scopeKind: p.scopeKind, scopeValues: p.scopeValues }]));
    expect(byName).toEqual({
      "IAM ReadOnlyAccess": { scopeKind: "global", scopeValues: [] },
      "ECS ReadOnlyAccess": { scopeKind: "regions", scopeValues: ["cn-north-4"] },
    });
    await addAgencyPermissions(t.db, acme, { agencyId: created.id, policyIds: [policy["OBS ReadOnlyAccess"]], scopeKind: "global" }).then(
      () => expect.fail("OBS in Global services should be refused"),
      (error: DomainError) => expect(error).toMatchObject({ code: "scope.does_not_fit", field: "scopeKind" }),
    );
  });
});

describe("the agency list's filters and order", () => {
  test("filters by type and status, sorts by name and expiry (unlimited last), and ignores values it does not know", async () => {
    // Its own agencies: one expired, one ending within a day.
    const expired = await createAgency(t.db, acme, full({ name: "list-expired" }));
    await t.db
      .update(agencies)
      .set({ expiresAt: new Date(Date.now() - 3_600_000) })
      .where(eq(agencies.id, expired.id));
    await createAgency(t.db, acme, full({ name: "list-soon", validityKind: "one_day" }));
    const names = async (query: Record<string, string>) => (await listAgencies(t.db, acme, query)).rows.map((r) => r.name);
    const all = (await listAgencies(t.db, acme, {})).rows;
    expect((await listAgencies(t.db, acme, { status: "expired" })).rows.every((r) => r.expiresAt !== null && r.expiresAt <= new Date())).toBe(true);
    expect(await names({ status: "expired" })).toContain("list-expired");
    expect(await names({ status: "active" })).not.toContain("list-expired");
    expect(await names({ status: "expiring" })).toContain("list-soon");
    for (const { expiresAt } of (await listAgencies(t.db, acme, { status: "expiring" })).rows) {
      const expires = expiresAt!;
      expect(expires.getTime()).toBeGreaterThan(Date.now());
      expect(expires.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86400_000);
    }
    expect((await listAgencies(t.db, acme, { type: "service" })).rows.every((r) => r.type === "service")).toBe(true);
    expect((await listAgencies(t.db, acme, { type: "account" })).rows.every((r) => r.type === "account")).toBe(true);
    // The database's collation orders the names (it may differ from JavaScript's); one direction is the other reversed.
    const byName = await names({ sort: "name", dir: "asc" });
    expect(byName).toHaveLength(all.length);
    expect(await names({ sort: "name", dir: "desc" })).toEqual([...byName].reverse());
    const byExpiry = (await listAgencies(t.db, acme, { sort: "expiry", dir: "asc" })).rows.map((r) => r.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect(byExpiry).toEqual([...byExpiry].sort((a, b) => a - b));
    expect((await listAgencies(t.db, acme, { status: "nonsense", sort: "'; drop", type: ["a", "b"] })).filters).toEqual({
      type: "all",
      status: "all",
      sort: "created",
      dir: "desc",
    });
  });
});
