import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { auditEvents, ecsInstances } from "@/db/schema";
import { AUDIT_PAGE_SIZE, csvHeader, csvRow, exportAuditEvents, getAuditEvent, listAuditEvents } from "@/lib/audit-trail";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, ValidationError } from "@/lib/errors";
import { createGroup } from "@/lib/iam/groups";
import { stopInstance } from "@/lib/resources/ecs";
import { assumeRole } from "@/lib/roles/role-sessions";
import { state } from "../helpers/action-harness";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";

vi.mock("server-only", () => ({}));
vi.mock("@/db", async () => (await import("../helpers/action-harness")).doubles.db);
vi.mock("@/app/_lib/session", async () => (await import("../helpers/action-harness")).doubles.session);

let t: TestDatabase;
let acme: Caller;
let alice: Caller;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  alice = await callerFor(t.db, "acme", "alice");
});
afterAll(() => t.dispose());

async function collect(gen: AsyncGenerator<typeof auditEvents.$inferSelect>) {
  const out = [];
  for await (const e of gen) out.push(e);
  return out;
}

describe("the audit trail", () => {
  test("a switched session's stop is found by actor and agency, and exported", async () => {
    const gina = await callerFor(t.db, "globex", "gina");
    const { caller } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "globex-ops" }, "login");
    const [web01] = await t.db.select().from(ecsInstances).where(eq(ecsInstances.name, "web-01"));
    await stopInstance(t.db, caller, { instanceId: web01!.id });

    const { events } = await listAuditEvents(t.db, acme, { actor: "globex/gina", agency: "globex-ops", action: "ecs:instances:stop" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ target: "ECS instance web-01", decision: "allow", agencyName: "globex-ops" });
    expect((await getAuditEvent(t.db, acme, events[0]!.id)).detail).toMatchObject({ resource: expect.stringContaining(":instance:web-01") });

    const exported = await collect(exportAuditEvents(t.db, acme, { agency: "globex-ops" }));
    expect(exported.map((e) => e.action)).toEqual(["ecs:instances:stop", "iam:agencies:assume"]);
    const csv = csvHeader() + exported.map(csvRow).join("");
    expect(csv.split("\r\n")[0]).toBe("id,time,account_id,actor,actor_account_id,actor_user_id,agency_id,agency_name,action,target,decision,detail");
    expect(csv).toContain("globex/gina");
    // The export itself is on the record.
    expect((await listAuditEvents(t.db, acme, { action: "cts:traces:export" })).events).toHaveLength(1);
  });

  test("pages run newest first by time, then id: an event recorded late with an earlier time, and events a microsecond apart, each appear once in place", async () => {
    const actor = "acme/order-probe";
    // 60 events in one millisecond, a microsecond apart, with ids rising as time falls, then one
    // recorded last (highest id) by a transaction that began an hour earlier.
    await t.db.execute(sql`
      insert into audit_events (at, account_id, actor, action, target, decision)
      select '2026-06-01T12:00:00.123999Z'::timestamptz - (g || ' microseconds')::interval, ${acme.accountId}::uuid, ${actor}, 'probe:order', 'event ' || g, 'allow'
      from generate_series(0, 59) g`);
    await t.db.execute(sql`
      insert into audit_events (at, account_id, actor, action, target, decision)
      values ('2026-06-01T11:00:00Z', ${acme.accountId}::uuid, ${actor}, 'probe:order', 'late', 'allow')`);
    const seen: string[] = [];
    let before: number | null | undefined;
    do {
      const page = await listAuditEvents(t.db, acme, { actor, before: before === undefined ? undefined : String(before) });
      seen.push(...page.events.map((e) => e.target));
      before = page.nextBefore;
    } while (before !== null);
    expect(seen).toEqual([...Array.from({ length: 60 }, (_, g) => `event ${g}`), "late"]);
    const exported = await collect(exportAuditEvents(t.db, acme, { actor }));
    expect(exported.map((e) => e.target)).toEqual(seen);
  });

  test("a page link to an event of another account continues nowhere", async () => {
    const globex = await callerFor(t.db, "globex");
    const [other] = await t.db
      .insert(auditEvents)
      .values({ accountId: globex.accountId, actor: "globex", action: "probe:elsewhere", target: "elsewhere", decision: "allow" })
      .returning();
    const page = await listAuditEvents(t.db, acme, { before: String(other!.id) });
    expect(page.events).toEqual([]);
    expect(page.nextBefore).toBeNull();
  });

  test("filters by decision and time range; newest first in keyset pages", async () => {
    const start = new Date();
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await createGroup(t.db, alice, { name: `audit-group-${i}` });
    const first = await listAuditEvents(t.db, acme, { action: "iam:groups:create" });
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]!.target).toBe(`user group audit-group-${AUDIT_PAGE_SIZE + 4}`);
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditEvents(t.db, acme, { action: "iam:groups:create", before: String(first.nextBefore) });
    expect(second.events.map((e) => e.target)).toEqual([4, 3, 2, 1, 0].map((i) => `user group audit-group-${i}`));
    expect(second.nextBefore).toBeNull();

    const bob = await callerFor(t.db, "acme", "bob");
    await expect(createGroup(t.db, bob, { name: "nope" })).rejects.toBeInstanceOf(AccessDeniedError);
    const denied = await listAuditEvents(t.db, acme, { decision: "deny" });
    expect(denied.events.every((e) => e.decision === "deny")).toBe(true);
    expect(denied.events[0]).toMatchObject({ actor: "acme/bob", action: "iam:groups:create" });

    const from = start.toISOString().slice(0, 19);
    const inRange = await listAuditEvents(t.db, acme, { from, action: "iam:groups:create" });
    expect(inRange.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect((await listAuditEvents(t.db, acme, { to: "2000-01-01T00:00" })).events).toEqual([]);
  });

  test.each([
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-11-23T10:00", to: "2026-11-22T10:00" }, "to"],
    [{ decision: "maybe" }, "decision"],
    [{ actor: "x".repeat(201) }, "actor"],
    // PostgreSQL refuses \u0000 in text: these were database errors (HTTP 500) before reaching a field.
    [{ actor: "acme\u0000" }, "actor"],
    [{ agency: "globex-ops\u0000" }, "agency"],
    [{ action: "ecs:\u0000" }, "action"],
    // z.coerce.number read these as 16, 1000 and 7.
    [{ before: "0x10" }, "before"],
    [{ before: "1e3" }, "before"],
    [{ before: " 7 " }, "before"],
  ])("bad filter %j is a field error", async (query, field) => {
    const error = await rejection<ValidationError>(() => listAuditEvents(t.db, acme, query));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors)).toContain(field);
  });

  test("a control character in a filter is named at its field", async () => {
    const error = await rejection<ValidationError>(() => listAuditEvents(t.db, acme, { actor: "acme\u0000" }));
    expect(error.fieldErrors.actor?.map(english)).toEqual(["Actor must not contain control characters."]);
    await expect(getAuditEvent(t.db, acme, "0x1")).rejects.toBeInstanceOf(ValidationError);
  });

  test("each account sees only its own events, and bob none", async () => {
    const globex = await callerFor(t.db, "globex");
    const own = await listAuditEvents(t.db, globex, {});
    expect(own.events.every((e) => e.accountId === globex.accountId)).toBe(true);
    const [acmeEvent] = await t.db.select().from(auditEvents).where(eq(auditEvents.accountId, acme.accountId)).limit(1);
    await expect(getAuditEvent(t.db, globex, acmeEvent!.id)).rejects.toMatchObject({ code: "resource.not_found" });
    const bob = await callerFor(t.db, "acme", "bob");
    await expect(listAuditEvents(t.db, bob, {})).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(collect(exportAuditEvents(t.db, bob, {}))).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test("events are append-only, enforced by the database", async () => {
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.accountId, acme.accountId)).limit(1);
    const reason = (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message);
    expect(reason(await rejection(() => t.db.execute(sql`update audit_events set decision = 'deny' where id = ${event!.id}`)))).toMatch(/append-only/);
    expect(reason(await rejection(() => t.db.execute(sql`delete from audit_events where id = ${event!.id}`)))).toMatch(/append-only/);
    expect((await getAuditEvent(t.db, acme, event!.id)).decision).toBe(event!.decision);
  });

  test("CSV cells that a spreadsheet would run as formulas are neutralised", () => {
    const row = csvRow({
      id: 1,
      at: new Date("2026-01-01T00:00:00Z"),
      accountId: "a",
      actorAccountId: null,
      actorUserId: null,
      actor: '=HYPERLINK("x")',
      agencyId: null,
      agencyName: null,
      action: "a,b",
      target: "t",
      decision: "allow",
      detail: {},
    });
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain(`"a,b"`);
  });
});

describe("the export route", () => {
  const exportsRecorded = async () => (await listAuditEvents(t.db, acme, { action: "cts:traces:export" })).events.length;
  const post = (fields: Record<string, string>, headers: Record<string, string>) =>
    new NextRequest("http://localhost/api/audit/export", { method: "POST", body: new URLSearchParams(fields), headers: { host: "localhost", ...headers } });
  const exportAs = async (caller: Caller, request: NextRequest) => {
    state.db = t.db;
    state.identity = { caller, loginId: "test", roleEnded: null, roleNotice: null };
    return (await import("@/app/api/audit/export/route")).POST(request);
  };

  test("a same-origin POST from the page exports the filtered trail and is recorded", async () => {
    const before = await exportsRecorded();
    const response = await exportAs(acme, post({ format: "json", decision: "deny" }, { origin: "http://localhost", "sec-fetch-site": "same-origin" }));
    expect(response.status).toBe(200);
    const events = JSON.parse(await response.text()) as { decision: string }[];
    expect(events.every((e) => e.decision === "deny")).toBe(true);
    expect(await exportsRecorded()).toBe(before + 1);
  });

  test("the CSV names its columns in the reader's language, after a UTF-8 byte-order mark; the rows stay as recorded", async () => {
    const same = { origin: "http://localhost", "sec-fetch-site": "same-origin" };
    const read = async (language: string) => {
      const bytes = new Uint8Array(await (await exportAs(acme, post({ format: "csv" }, { ...same, "accept-language": language }))).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // Decoding drops the mark again.
      return new TextDecoder().decode(bytes);
    };
    const zh = await read("zh-CN,zh;q=0.9");
    expect(zh).toMatch(/^事件ID,/);
    const en = await read("en-US");
    expect(en.split("\r\n")[0]).toBe("id,time,account_id,actor,actor_account_id,actor_user_id,agency_id,agency_name,action,target,decision,detail");
    // Newest first, and the Chinese export is itself recorded: its first row is the English one's second.
    expect(zh.split("\r\n")[1]).toBe(en.split("\r\n")[2]);
  });

  test.each([
    [{ origin: "https://attacker.example", "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site" }],
    [{ origin: "https://attacker.example" }],
    [{ origin: "null" }],
  ])("a request from another site (%j) is refused and writes nothing", async (headers) => {
    const before = await exportsRecorded();
    const response = await exportAs(acme, post({ format: "csv" }, headers));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/^Export refused: the request came from another (site|origin)/);
    expect(await exportsRecorded()).toBe(before);
  });

  test("there is no GET export a link or a navigation could trigger", async () => {
    const route = await import("@/app/api/audit/export/route");
    expect(Object.keys(route)).not.toContain("GET");
  });

  test("a bad filter sends the user back to the page, where the field shows why; nothing is recorded", async () => {
    const before = await exportsRecorded();
    const response = await exportAs(acme, post({ format: "csv", actor: "acme\u0000" }, { origin: "http://localhost" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost/audit?actor=acme%00");
    expect(await exportsRecorded()).toBe(before);
  });
});
