/** The audit page's server-side read with 1,000,000 events in one account (issue 6). */
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { listAuditEvents } from "@/lib/audit-trail";
import { callerFor } from "@/tests/helpers/db";
import { report, time } from "./harness";

export const AUDIT_EVENT_COUNT = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);

export async function benchAudit(handle: DbHandle, label: string): Promise<void> {
  const db = handle.db;
  const acme = await callerFor(db, "acme");
  const seedStart = performance.now();
  // One event in ten is a denial, one in a hundred came through globex-ops, one in ten thousand is by "acme/rare".
  await db.execute(sql`
    insert into audit_events (at, account_id, actor_account_id, actor, agency_name, action, target, decision, detail)
    select now() - ((${AUDIT_EVENT_COUNT} - g) || ' seconds')::interval, ${acme.accountId}::uuid, ${acme.accountId}::uuid,
           case when g % 10000 = 0 then 'acme/rare' when g % 100 = 0 then 'globex/gina' else 'acme/alice' end,
           case when g % 100 = 0 then 'globex-ops' end,
           (array['ecs:instances:stop','ecs:instances:start','iam:users:create','obs:buckets:list'])[1 + g % 4],
           'ECS instance bench-' || (g % 500), case when g % 10 = 0 then 'deny' else 'allow' end, '{}'::jsonb
    from generate_series(1, ${AUDIT_EVENT_COUNT}) g`);
  await db.execute(sql`analyze audit_events`);
  const seedMs = performance.now() - seedStart;
  const lastHour = new Date(Date.now() - 3600_000).toISOString().slice(0, 16);
  const firstPage = await listAuditEvents(db, acme, {});
  const timings = [
    await time("first page (no filter)", 30, () => listAuditEvents(db, acme, {})),
    await time("second page (keyset)", 30, () => listAuditEvents(db, acme, { before: String(firstPage.nextBefore) })),
    await time("filter decision = deny", 30, () => listAuditEvents(db, acme, { decision: "deny" })),
    await time("filter agency = globex-ops", 30, () => listAuditEvents(db, acme, { agency: "globex-ops" })),
    await time("filter actor = acme/rare (100 hits)", 30, () => listAuditEvents(db, acme, { actor: "acme/rare" })),
    await time("filter action + last hour", 30, () => listAuditEvents(db, acme, { action: "ecs:instances:stop", from: lastHour })),
  ];
  report(`Audit trail on ${label}: ${AUDIT_EVENT_COUNT.toLocaleString("en")} events in acme (inserted in ${(seedMs / 1000).toFixed(1)} s)`, timings);
}
