/**
 * The audit page's server-side read and its export (issues 6 and 15): 1,000,000 events in one
 * account everywhere and, on PostgreSQL, 10,000,000 as well, each page with its ratio. The export
 * is read through the same body the download route sends, and its memory is sampled as it goes.
 */
import { sql } from "drizzle-orm";
import { exportBody } from "@/app/api/audit/export/body";
import type { Db, DbHandle } from "@/db/client";
import { csvHeader, csvRow, exportAuditEvents, listAuditEvents } from "@/lib/audit-trail";
import type { Caller } from "@/lib/caller";
import { callerFor } from "@/tests/helpers/db";
import { report, reportPairs, type Timing, timeInRounds } from "./harness";

const SMALL = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
// PGlite holds its database in this process's memory: the larger trail is PostgreSQL's alone.
const LARGE = process.env.BENCH_AUDIT_LARGE === "off" ? null : Number(process.env.BENCH_AUDIT_LARGE ?? 10_000_000);

const MiB = 1024 * 1024;

async function fill(db: Db, accountId: string, count: number): Promise<number> {
  const start = performance.now();
  await db.execute(sql`truncate audit_events`);
  // One event a second up to now. One in ten is a denial, one in a hundred came through globex-ops,
  // one in ten thousand is by "acme/rare".
  await db.execute(sql`
    insert into audit_events (at, account_id, actor_account_id, actor, agency_name, action, target, decision, detail)
    select now() - ((${count}::int - g) || ' seconds')::interval, ${accountId}::uuid, ${accountId}::uuid,
           case when g % 10000 = 0 then 'acme/rare' when g % 100 = 0 then 'globex/gina' else 'acme/alice' end,
           case when g % 100 = 0 then 'globex-ops' end,
           (array['ecs:instances:stop','ecs:instances:start','iam:users:create','obs:buckets:list'])[1 + g % 4],
           'ECS instance bench-' || (g % 500), case when g % 10 = 0 then 'deny' else 'allow' end, '{}'::jsonb
    from generate_series(1, ${count}::int) g`);
  await db.execute(sql`vacuum analyze audit_events`);
  // Write the inserted pages out now, so the first measurement does not share the disk with it.
  await db.execute(sql`checkpoint`);
  return performance.now() - start;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 16);

async function pages(db: Db, acme: Caller): Promise<Timing[]> {
  const firstPage = await listAuditEvents(db, acme, {});
  const weekAgo = { from: minutesAgo(8 * 24 * 60), to: minutesAgo(7 * 24 * 60) };
  const page = (query: Record<string, string>) => () => listAuditEvents(db, acme, query);
  return timeInRounds(100, [
    ["first page (no filter)", page({})],
    ["second page (keyset)", page({ before: String(firstPage.nextBefore) })],
    ["filter decision = deny", page({ decision: "deny" })],
    ["filter agency = globex-ops", page({ agency: "globex-ops" })],
    ["filter actor = acme/rare (one event in 10,000)", page({ actor: "acme/rare" })],
    ["filter action + last hour", page({ action: "ecs:instances:stop", from: minutesAgo(60) })],
    ["a day's window a week ago", page(weekAgo)],
  ]);
}

interface ExportFigures {
  events: number;
  bytes: number;
  ms: number;
  peakHeapMiB: number;
}

/** The export as the route sends it, read to the end; the live heap above its starting point is sampled every 2,000 events. */
async function measureExport(db: Db, acme: Caller, filters: Record<string, string>): Promise<ExportFigures> {
  globalThis.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let events = 0;
  const start = performance.now();
  async function* counted() {
    for await (const event of exportAuditEvents(db, acme, filters)) {
      events++;
      yield event;
    }
  }
  const items = counted();
  const reader = exportBody(items, await items.next(), { opening: csvHeader(), row: csvRow, closing: "" }).getReader();
  let bytes = 0;
  let chunks = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    // What the export holds on to, not garbage a collection has yet to take: collected before sampling.
    if (++chunks % 20 === 0) {
      globalThis.gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  return { events, bytes, ms: performance.now() - start, peakHeapMiB: peak / MiB };
}

export async function benchAudit(handle: DbHandle, label: string): Promise<void> {
  const db = handle.db;
  const acme = await callerFor(db, "acme");
  const sizes = label === "PostgreSQL" && LARGE !== null ? [SMALL, LARGE] : [SMALL];
  const results: Timing[][] = [];
  const exports: ExportFigures[] = [];
  for (const size of sizes) {
    const seedMs = await fill(db, acme.accountId, size);
    const timings = await pages(db, acme);
    report(`Audit trail on ${label}: ${size.toLocaleString("en")} events in acme (inserted in ${(seedMs / 1000).toFixed(1)} s)`, timings);
    results.push(timings);
    exports.push(await measureExport(db, acme, { agency: "globex-ops" }));
  }
  if (results.length === 2) {
    reportPairs(`Audit trail on ${label}: each page at both sizes`, [sizes[0]!.toLocaleString("en"), sizes[1]!.toLocaleString("en")], results[0]!, results[1]!);
  }
  console.log(`\nAudit export on ${label} (agency = globex-ops, CSV${globalThis.gc ? "" : "; run node with --expose-gc for a steadier baseline"})`);
  console.table(
    exports.map((e, i) => ({
      "trail size": sizes[i]!.toLocaleString("en"),
      "events exported": e.events.toLocaleString("en"),
      "file MiB": (e.bytes / MiB).toFixed(1),
      seconds: (e.ms / 1000).toFixed(1),
      "peak live heap growth MiB": e.peakHeapMiB.toFixed(1),
    })),
  );
}
