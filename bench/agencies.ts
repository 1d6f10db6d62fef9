/** Agency list page and create with 10,000 agencies in one account (issue 3). */
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { createAgency, listAgencies } from "@/lib/agencies/agencies";
import { callerFor } from "@/tests/helpers/db";
import { report, time } from "./harness";

export const AGENCY_COUNT = 10_000;

export async function benchAgencies(handle: DbHandle, label: string): Promise<void> {
  const db = handle.db;
  const acme = await callerFor(db, "acme");
  const seedStart = performance.now();
  // Bulk insert in SQL: the benchmark measures reads and one create, not 10,000 round trips.
  await db.execute(sql`
    insert into agencies (account_id, name, type, delegated_account_id, validity_kind, expires_at, description, created_at)
    select ${acme.accountId}::uuid, 'bench-' || lpad(g::text, 5, '0'), 'account',
           (select id from accounts where name = 'globex'), 'one_day', now() + interval '1 day',
           'benchmark agency ' || g, now() - (g || ' seconds')::interval
    from generate_series(1, ${AGENCY_COUNT}) g`);
  await db.execute(sql`
    insert into agency_permissions (agency_id, policy_id, scope_kind)
    select a.id, (select id from policies where name = 'ECS ReadOnlyAccess' and account_id is null), 'all'
    from agencies a where a.name like 'bench-%'`);
  await db.execute(sql`analyze agencies`);
  const seedMs = performance.now() - seedStart;
  const policyId = String(
    ((await db.execute(sql`select id from policies where name = 'ECS ReadOnlyAccess' and account_id is null`)) as unknown as { rows: { id: string }[] })
      .rows[0]!.id,
  );

  const timings = [
    await time("list page 1", 50, () => listAgencies(db, acme, { page: "1" })),
    await time("list page 250 (last)", 50, () => listAgencies(db, acme, { page: "250" })),
    await time('search "07" (page 1)', 50, () => listAgencies(db, acme, { q: "07" })),
    await time('search "bench-09999" (one hit)', 50, () => listAgencies(db, acme, { q: "bench-09999" })),
    await time("create one agency", 30, (i) =>
      createAgency(db, acme, {
        name: `bench-new-${i + 1}`,
        type: "account",
        delegatedAccount: "umbrella",
        validityKind: "one_day",
        policyIds: [policyId],
        scopeKind: "regions",
        regions: ["cn-north-4"],
      }),
    ),
  ];
  const total = (await listAgencies(db, acme, {})).total;
  report(`Agencies on ${label}: ${total} agencies in acme (seeded in ${seedMs.toFixed(0)} ms)`, timings);
}
