/** Reading the audit trail: filtered, newest first, in keyset pages that stay fast at millions of events. */
import { and, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";
import type { PolicyAction } from "@/lib/authz/action-catalogue";
import { type GuardedRequest, mutate, requireAllowed } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { phrase, term } from "@/lib/i18n/message";
import { decimalInteger, optionalText, validate } from "@/lib/validation";

export const AUDIT_PAGE_SIZE = 50;
export const EXPORT_LIMIT = 100_000;

const filterText = (field: string) => optionalText(field, 200);

// <input type="datetime-local"> sends "2026-11-23T07:30" with no zone; the console shows and reads UTC.
const instant = (field: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z?$/, phrase("validation.audit.dateTime", { field: term(`validation.fields.${field}`) }))
      .transform((v) => new Date(v.endsWith("Z") ? v : `${v}Z`))
      .refine((d) => !Number.isNaN(d.getTime()), phrase("validation.audit.invalidDate", { field: term(`validation.fields.${field}`) }))
      .optional(),
  );

export const auditQuery = z
  .object({
    actor: filterText("actor"),
    agency: filterText("agency"),
    action: filterText("action"),
    decision: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["allow", "deny"], { error: phrase("validation.audit.decision") }).optional()),
    from: instant("from"),
    to: instant("to"),
    before: z.preprocess(
      (v) => (v === "" ? undefined : v),
      decimalInteger(phrase("validation.invalidPage"))
        .pipe(
          z
            .number()
            .int()
            .positive({ error: phrase("validation.invalidPage") })
            .max(Number.MAX_SAFE_INTEGER, { error: phrase("validation.invalidPage") }),
        )
        .optional(),
    ),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: phrase("validation.audit.fromAfterTo"), path: ["to"] });

export type AuditQuery = z.output<typeof auditQuery>;

const traceRequest = (caller: Caller, action: PolicyAction): GuardedRequest => ({
  action,
  resource: urn("cts", null, caller.accountId, "trace", "*"),
  target: "audit trail",
});

function conditions(caller: Caller, q: AuditQuery): SQL {
  return and(
    eq(auditEvents.accountId, caller.accountId),
    q.actor ? eq(auditEvents.actor, q.actor) : undefined,
    q.agency ? eq(auditEvents.agencyName, q.agency) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.decision ? eq(auditEvents.decision, q.decision) : undefined,
    q.from ? gte(auditEvents.at, q.from) : undefined,
    q.to ? lte(auditEvents.at, q.to) : undefined,
  )!;
}

/** Where a page continues from: an event of this account, by its exact time (microseconds, which a Date would drop) and id. */
interface Continuation {
  at: string;
  id: number;
}

async function continuationAt(db: Db, caller: Caller, before: number): Promise<Continuation | null> {
  const [event] = await db
    .select({ at: sql<string>`${auditEvents.at}::text`, id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.id, before), eq(auditEvents.accountId, caller.accountId)));
  return event ?? null;
}

/**
 * Events newest first by time, then id. A time window with one filtered column is then one
 * backward walk of an index (account, column, at, id), however long the trail.
 */
async function readPage(db: Db, caller: Caller, query: AuditQuery, from: Continuation | undefined, limit: number): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(conditions(caller, query), from ? sql`(${auditEvents.at}, ${auditEvents.id}) < (${from.at}::timestamptz, ${from.id})` : undefined))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}

/** One page of events; `nextBefore` continues with older ones. */
export async function listAuditEvents(db: Db, caller: Caller, raw: unknown = {}) {
  const query = validate(auditQuery, raw);
  await requireAllowed(db, caller, traceRequest(caller, "cts:traces:list"));
  const from = query.before === undefined ? undefined : await continuationAt(db, caller, query.before);
  // A page link to an event this account does not hold continues nowhere.
  const rows = from === null ? [] : await readPage(db, caller, query, from, AUDIT_PAGE_SIZE + 1);
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  return { events, nextBefore: rows.length > AUDIT_PAGE_SIZE ? events[events.length - 1]!.id : null, query };
}

const invalidEvent = phrase("validation.audit.invalidEvent");

export async function getAuditEvent(db: Db, caller: Caller, rawId: unknown): Promise<AuditEvent> {
  const eventId = validate(decimalInteger(invalidEvent).pipe(z.number().int().positive({ error: invalidEvent }).max(Number.MAX_SAFE_INTEGER)), rawId);
  await requireAllowed(db, caller, traceRequest(caller, "cts:traces:get"));
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.id, eventId), eq(auditEvents.accountId, caller.accountId)));
  if (event === undefined) throw new DomainError("resource.not_found");
  return event;
}

/** The whole filtered set (up to EXPORT_LIMIT), newest first, read in pages; the export itself is recorded. */
export async function* exportAuditEvents(db: Db, caller: Caller, raw: unknown): AsyncGenerator<AuditEvent> {
  const query = validate(auditQuery, raw);
  // The export is a change in its own right: allowed, it is recorded before the first event leaves.
  const filters = { ...query, from: query.from?.toISOString(), to: query.to?.toISOString() };
  await mutate(db, caller, (_tx, guard) => guard({ ...traceRequest(caller, "cts:traces:export"), detail: { filters } }), ["cts:traces:export"]);
  let from = query.before === undefined ? undefined : await continuationAt(db, caller, query.before);
  if (from === null) return;
  let sent = 0;
  while (sent < EXPORT_LIMIT) {
    const rows = await readPage(db, caller, query, from, Math.min(1000, EXPORT_LIMIT - sent));
    for (const row of rows) yield row;
    sent += rows.length;
    if (rows.length === 0) return;
    from = (await continuationAt(db, caller, rows[rows.length - 1]!.id))!;
  }
}

const csvColumns = [
  "id",
  "time",
  "account_id",
  "actor",
  "actor_account_id",
  "actor_user_id",
  "agency_id",
  "agency_name",
  "action",
  "target",
  "decision",
  "detail",
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // Cells that a spreadsheet would run as a formula are prefixed, so an exported trail cannot attack its reader.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${csvColumns.join(",")}\r\n`;
}

export function csvRow(e: AuditEvent): string {
  return `${[e.id, e.at.toISOString(), e.accountId, e.actor, e.actorAccountId, e.actorUserId, e.agencyId, e.agencyName, e.action, e.target, e.decision, e.detail].map(csvCell).join(",")}\r\n`;
}

export function jsonRecord(e: AuditEvent) {
  return { ...e, at: e.at.toISOString() };
}
