import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditEvents, notifications, policies } from "@/db/schema";
import { createAgency, deleteAgency, updateAgency } from "@/lib/agencies/agencies";
import { addAgencyPermissions, removeAgencyPermission } from "@/lib/agencies/permissions";
import type { Caller } from "@/lib/caller";
import { listNotifications, markNotificationsRead, NOTIFICATIONS_PAGE_SIZE, unreadNotificationCount } from "@/lib/notifications/notifications";
import { deregisterDelegatedAdmin, registerDelegatedAdmin } from "@/lib/rd/delegated-admins";
import { assumeRole } from "@/lib/roles/role-sessions";
import { agencyTrustingGlobex, callerFor, rejection, testDatabase, type TestDatabase, userWithPolicies } from "../helpers/db";
import { english } from "../helpers/english";
import { auditCount, tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;
let bob: Caller;
let globex: Caller;
let gina: Caller;
let gus: Caller;
let policy: Record<string, string>;

beforeAll(async () => {
  t = await testDatabase();
  [acme, bob, globex, gina, gus] = await Promise.all([
    callerFor(t.db, "acme"),
    callerFor(t.db, "acme", "bob"),
    callerFor(t.db, "globex"),
    callerFor(t.db, "globex", "gina"),
    callerFor(t.db, "globex", "gus"),
  ]);
  policy = Object.fromEntries((await t.db.select().from(policies)).filter((p) => p.accountId === null).map((p) => [p.name, p.id]));
});
afterAll(() => t.dispose());

// Notifications are phrases: read here as an English reader sees them.
async function listedInEnglish(db: Parameters<typeof listNotifications>[0], who: Caller, raw?: Parameters<typeof listNotifications>[2]) {
  const page = await listNotifications(db, who, raw);
  return { ...page, items: page.items.map((n) => ({ ...n, message: english(n.message), linkLabel: n.linkLabel === null ? null : english(n.linkLabel) })) };
}

const messages = async (who: Caller) => (await listedInEnglish(t.db, who)).items.map((n) => n.message);
const newest = async (who: Caller) => (await listedInEnglish(t.db, who)).items[0];

const agencyFor = (name: string, over: Record<string, unknown> = {}) => agencyTrustingGlobex(t.db, acme, policy["ECS FullAccess"]!, name, over);

async function markAllRead(who: Caller) {
  const { newestId } = await listNotifications(t.db, who);
  if (newestId !== null) await markNotificationsRead(t.db, who, { upTo: String(newestId) });
}

describe("the delegated account is told about agencies trusting it", () => {
  test("created, changed (validity, description, permissions) and deleted, each in words with where to go", async () => {
    const agency = await agencyFor("note-life");
    expect(await newest(globex)).toMatchObject({
      message: "acme created the agency note-life, which trusts your account.",
      href: "/switch-role?account=acme&agency=note-life",
      unread: true,
    });
    await updateAgency(t.db, acme, { agencyId: agency.id, validityKind: "custom", validityDays: "10", description: "Now limited" });
    expect((await newest(globex))!.message).toMatch(/^acme changed the agency note-life: it now expires on \d{4}-\d{2}-\d{2}; its description changed\.$/);
    await addAgencyPermissions(t.db, acme, { agencyId: agency.id, policyIds: [policy["OBS ReadOnlyAccess"]], scopeKind: "all" });
    expect((await newest(globex))!.message).toBe("acme changed the agency note-life: permissions added (OBS ReadOnlyAccess).");
    const { getAgency } = await import("@/lib/agencies/agencies");
    const obs = (await getAgency(t.db, acme, agency.id)).permissions.find((p) => p.policyName === "OBS ReadOnlyAccess")!;
    await removeAgencyPermission(t.db, acme, { agencyId: agency.id, permissionId: obs.id });
    expect((await newest(globex))!.message).toBe("acme changed the agency note-life: permission removed (OBS ReadOnlyAccess).");
    await deleteAgency(t.db, acme, { agencyId: agency.id });
    expect(await newest(globex)).toMatchObject({ message: "acme deleted the agency note-life; your account can no longer switch into it.", href: null });
  });

  test("an update that changes nothing tells no one", async () => {
    const agency = await agencyFor("note-same", { description: "Same" });
    const before = await newest(globex);
    await updateAgency(t.db, acme, { agencyId: agency.id, validityKind: "unlimited", description: "Same" });
    expect((await newest(globex))!.id).toBe(before!.id);
  });

  test("a refused change tells no one and writes nothing but its denial", async () => {
    const tables = await tableCounts(t.db);
    const events = await auditCount(t.db);
    await rejection(() =>
      createAgency(t.db, bob, {
        name: "note-refused",
        type: "account",
        delegatedAccount: "globex",
        validityKind: "unlimited",
        policyIds: [policy["ECS FullAccess"]],
        scopeKind: "all",
      }),
    );
    expect(await tableCounts(t.db)).toEqual(tables);
    expect(await auditCount(t.db)).toBe(events + 1);
  });

  test("an agency for a cloud service tells no account", async () => {
    const count = (await t.db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0]!.n;
    await createAgency(t.db, acme, {
      name: "note-service",
      type: "service",
      service: "ECS",
      validityKind: "unlimited",
      policyIds: [policy["OBS ReadOnlyAccess"]],
      scopeKind: "all",
    });
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0]!.n).toBe(count);
  });

  test("only principals who may switch roles see them: root and gina (Agent Operator), not gus", async () => {
    await agencyFor("note-visible");
    expect(await messages(globex)).toContain("acme created the agency note-visible, which trusts your account.");
    expect(await messages(gina)).toContain("acme created the agency note-visible, which trusts your account.");
    expect(await messages(gus)).toEqual([]);
    expect(await unreadNotificationCount(t.db, gus)).toBe(0);
  });

  test("they never reach a third account", async () => {
    await agencyFor("note-private");
    const umbrella = await callerFor(t.db, "umbrella");
    expect((await messages(umbrella)).some((m) => m.includes("note-private"))).toBe(false);
    expect((await messages(acme)).some((m) => m.includes("note-private"))).toBe(false);
  });
});

describe("the delegating account is told who switches into its agencies", () => {
  test("gina switching in is listed for acme's root with a link to the agency, not for bob", async () => {
    const agency = await agencyFor("note-switch");
    await assumeRole(t.db, gina, { accountName: "acme", agencyName: "note-switch" }, "login-note");
    expect(await newest(acme)).toMatchObject({
      message: "globex/gina switched into the agency note-switch.",
      href: `/agencies/${agency.id}`,
      unread: true,
    });
    expect((await messages(bob)).some((m) => m.includes("note-switch"))).toBe(false);
  });

  test("a refused switch tells no one", async () => {
    const before = await newest(acme);
    await rejection(() => assumeRole(t.db, gus, { accountName: "acme", agencyName: "globex-ops" }, "login-gus"));
    await rejection(() => assumeRole(t.db, gina, { accountName: "acme", agencyName: "no-such-agency" }, "login-gina"));
    expect((await newest(acme))?.id).toBe(before?.id);
  });
});

describe("a member account is told when it becomes or stops being a delegated administrator", () => {
  test("added and removed, each naming the service and the directory's account", async () => {
    const initech = await callerFor(t.db, "initech");
    await registerDelegatedAdmin(t.db, acme, { service: "cloudfw", accountId: initech.accountId });
    expect(await newest(initech)).toMatchObject({
      message: "Your account is now a delegated administrator of Cloud Firewall in the resource directory of acme.",
      href: "/delegated-admin/cloudfw",
    });
    await deregisterDelegatedAdmin(t.db, acme, { service: "cloudfw", accountId: initech.accountId });
    expect(await newest(initech)).toMatchObject({
      message: "Your account is no longer a delegated administrator of Cloud Firewall in the resource directory of acme.",
      href: null,
    });
  });
});

describe("reading", () => {
  test("marking read moves one principal's marker, up to what it was shown; a later one stays unread", async () => {
    await agencyFor("note-read-1");
    const shown = await listNotifications(t.db, globex);
    await agencyFor("note-read-2");
    const ginaBefore = await unreadNotificationCount(t.db, gina);
    await markNotificationsRead(t.db, globex, { upTo: String(shown.newestId) });
    expect(await unreadNotificationCount(t.db, globex)).toBe(1);
    expect((await listedInEnglish(t.db, globex)).items.filter((n) => n.unread).map((n) => n.message)).toEqual([
      "acme created the agency note-read-2, which trusts your account.",
    ]);
    // gina reads the same account's notifications with a marker of her own.
    expect(await unreadNotificationCount(t.db, gina)).toBe(ginaBefore);
  });

  test("the marker never moves back, and a mark that changes nothing records nothing", async () => {
    await agencyFor("note-back");
    await markAllRead(globex);
    const events = await auditCount(t.db);
    await markNotificationsRead(t.db, globex, { upTo: "1" });
    expect(await unreadNotificationCount(t.db, globex)).toBe(0);
    expect(await auditCount(t.db)).toBe(events);
  });

  test("marking is audited as the principal's own action, once", async () => {
    await agencyFor("note-audit");
    await markAllRead(gina);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "iam:notifications:markRead"))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect(event).toMatchObject({ actor: "globex/gina", accountId: globex.accountId, decision: "allow" });
  });

  test("an id beyond the newest notification marks no more than exists, so the next one is unread", async () => {
    await markNotificationsRead(t.db, globex, { upTo: "999999999" });
    expect(await unreadNotificationCount(t.db, globex)).toBe(0);
    await agencyFor("note-future");
    expect(await unreadNotificationCount(t.db, globex)).toBe(1);
  });

  test("bad ids are refused at the field and write nothing", async () => {
    const tables = await tableCounts(t.db);
    for (const upTo of ["", "-1", "0x10", "1e3", "abc"]) {
      const error = await rejection<Error & { fieldErrors?: Record<string, string[]> }>(() => markNotificationsRead(t.db, globex, { upTo }));
      expect(error.fieldErrors?.upTo?.map(english)).toEqual(["Select the notifications to mark as read."]);
    }
    expect(await tableCounts(t.db)).toEqual(tables);
  });

  test("concurrent marks by one principal both succeed and leave the highest mark", async () => {
    const fresh = await callerFor(t.db, "initech");
    await registerDelegatedAdmin(t.db, acme, { service: "config", accountId: fresh.accountId });
    await deregisterDelegatedAdmin(t.db, acme, { service: "config", accountId: fresh.accountId });
    const { items } = await listNotifications(t.db, fresh);
    await Promise.all([markNotificationsRead(t.db, fresh, { upTo: String(items[1]!.id) }), markNotificationsRead(t.db, fresh, { upTo: String(items[0]!.id) })]);
    expect(await unreadNotificationCount(t.db, fresh)).toBe(0);
  });

  test("pages run newest first by id without overlap, and the unread count stops at its cap", async () => {
    for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE + 5; i++) await agencyFor(`note-page-${i}`);
    const first = await listNotifications(t.db, globex);
    expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first.olderThan).not.toBeNull();
    const second = await listNotifications(t.db, globex, { before: String(first.olderThan) });
    expect(second.items.length).toBeGreaterThan(0);
    expect(Math.max(...second.items.map((n) => n.id))).toBeLessThan(Math.min(...first.items.map((n) => n.id)));
    const ids = [...first.items, ...second.items].map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe("what one party can repeat or pile up", () => {
  test("switching into the same agency again within the hour tells the delegating account once", async () => {
    await agencyFor("note-repeat");
    const count = async () =>
      (
        await t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(and(eq(notifications.subject, "note-repeat"), eq(notifications.kind, "role_switched_in")))
      )[0]!.n;
    await assumeRole(t.db, gina, { accountName: "acme", agencyName: "note-repeat" }, "login-repeat-1");
    await assumeRole(t.db, gina, { accountName: "acme", agencyName: "note-repeat" }, "login-repeat-2");
    await assumeRole(t.db, gina, { accountName: "acme", agencyName: "note-repeat" }, "login-repeat-3");
    expect(await count()).toBe(1);
  });

  async function globexUser(name: string, policyNames: string[], extraDocument?: string) {
    const { createPolicy } = await import("@/lib/iam/policies");
    const ids = policyNames.map((p) => policy[p]!);
    if (extraDocument !== undefined) ids.push((await createPolicy(t.db, globex, { name: `${name}-policy`, description: "", document: extraDocument })).id);
    return userWithPolicies(
      t.db,
      globex,
      name,
      ids.map((policyId) => ({ policyId, scopeKind: "all" as const })),
    );
  }

  const pileUp = (kind: string, subject: (i: string) => string, rows: number) =>
    t.db.execute(
      sql.raw(
        `insert into notifications (account_id, kind, from_account_name, subject) select '${globex.accountId}', '${kind}', 'acme', ${subject("g::text")} from generate_series(1, ${rows}) g`,
      ),
    );

  test("thousands of notifications a reader may not see neither hide the one it may, nor cost it a scan", async () => {
    // tina may see her account's delegated administration, not agencies (she may not switch roles).
    const tina = await globexUser("tina", ["Tenant Guest"]);
    await registerDelegatedAdmin(t.db, acme, { service: "securitycenter", accountId: globex.accountId });
    await pileUp("agency_changed", () => "'globex-ops'", 2500);
    expect(await unreadNotificationCount(t.db, tina)).toBe(1);
    expect((await listedInEnglish(t.db, tina)).items.map((n) => n.message)).toEqual([
      "Your account is now a delegated administrator of Security Center in the resource directory of acme.",
    ]);
    await deregisterDelegatedAdmin(t.db, acme, { service: "securitycenter", accountId: globex.accountId });
  });

  test("when a Deny hides a long run of a kind the reader sees, the page says where to go on and the older one is reached", async () => {
    const ivy = await globexUser(
      "ivy",
      ["Agent Operator"],
      '{"Version":"1.1","Statement":[{"Effect":"Deny","Action":["iam:agencies:assume"],"Resource":["*:agency:acme/hidden-*"]}]}',
    );
    await agencyFor("note-before-hidden");
    await pileUp("agency_created", (g) => `'hidden-' || ${g}`, 2500);
    let page = await listedInEnglish(t.db, ivy);
    const seen: string[] = page.items.map((n) => n.message);
    for (let hops = 0; hops < 5 && page.olderThan !== null && !seen.some((m) => m.includes("note-before-hidden")); hops++) {
      page = await listedInEnglish(t.db, ivy, { before: String(page.olderThan) });
      seen.push(...page.items.map((n) => n.message));
    }
    expect(seen).toContain("acme created the agency note-before-hidden, which trusts your account.");
    expect(seen.some((m) => m.includes("hidden-"))).toBe(false);
  });

  test("Mark all as read from an older page marks up to the newest of all", async () => {
    await agencyFor("note-newest");
    const first = await listNotifications(t.db, gina);
    const older = await listNotifications(t.db, gina, { before: String(first.items.at(-1)!.id) });
    expect(older.newestId).toBe(first.items[0]!.id);
    await markNotificationsRead(t.db, gina, { upTo: String(older.newestId) });
    expect(await unreadNotificationCount(t.db, gina)).toBe(0);
  });
});

test("an account removed from the directory learns that its delegated administration ended", async () => {
  const { removeMember, inviteAccount, respondToInvitation, getDirectoryOverview } = await import("@/lib/rd/directory");
  const umbrella = await callerFor(t.db, "umbrella");
  await inviteAccount(t.db, acme, { accountName: "umbrella" });
  await respondToInvitation(t.db, umbrella, { invitationId: (await getDirectoryOverview(t.db, umbrella)).invitations[0]!.id, accept: "yes" });
  await registerDelegatedAdmin(t.db, acme, { service: "cloudfw", accountId: umbrella.accountId });
  await removeMember(t.db, acme, { accountId: umbrella.accountId });
  expect((await newest(umbrella))!.message).toBe("Your account is no longer a delegated administrator of Cloud Firewall in the resource directory of acme.");
});
