/**
 * The agency list at 1,000 and at 100,000 agencies in one account (issue 15): page 1, the last
 * page, a substring search and a one-hit search should each cost about the same at both sizes.
 * Each pair is printed with its ratio; creating an agency is timed at the larger size.
 */
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { createAgency, listAgencies } from "@/lib/agencies/agencies";
import { callerFor } from "@/tests/helpers/db";
import { report, type Timing, time } from "./harness";

const SIZES = [1_000, 100_000] as const;
const TARGET_RATIO = 1.5;

/** Adds agencies bench-000001 … up to `upTo` to acme (bulk SQL: the benchmark times reads, not inserts). */
async function fill(handle: DbHandle, accountId: string, from: number, upTo: number): Promise<void> {
  await handle.db.execute(sql`
    insert into agencies (account_id, name, type, delegated_account_id, validity_kind, expires_at, description, created_at)
    select ${accountId}::uuid, 'bench-' || lpad(g::text, 6, '0'), 'account',
           (select id from accounts where name = 'globex'), 'one_day', now() + interval '1 day',
           'benchmark agency ' || g, now() - (g || ' seconds')::interval
    from generate_series(${from}::int, ${upTo}::int) g`);
  await handle.db.execute(sql`analyze agencies`);
}

export async function benchAgencies(handle: DbHandle, label: string): Promise<void> {
  const db = handle.db;
  const acme = await callerFor(db, "acme");
  const reads = (size: number) =>
    [
      ["page 1", () => listAgencies(db, acme, {})],
      ["last page", () => listAgencies(db, acme, { last: "1" })],
      ['substring search "07" (page 1)', () => listAgencies(db, acme, { q: "07" })],
      [`one-hit search "bench-${String(size - 1).padStart(6, "0")}"`, () => listAgencies(db, acme, { q: `bench-${String(size - 1).padStart(6, "0")}` })],
    ] as const;
  const results = new Map<number, Timing[]>();
  let filled = 0;
  for (const size of SIZES) {
    await fill(handle, acme.accountId, filled + 1, size);
    filled = size;
    const timings: Timing[] = [];
    for (const [name, read] of reads(size)) timings.push(await time(name, 30, read));
    results.set(size, timings);
  }
  const policyId = String(
    ((await db.execute(sql`select id from policies where name = 'ECS ReadOnlyAccess' and account_id is null`)) as unknown as { rows: { id: string }[] })
      .rows[0]!.id,
  );
  const create = await time("create one agency", 20, (i) =>
    createAgency(db, acme, {
      name: `bench-new-${i + 1}`,
      type: "account",
      delegatedAccount: "umbrella",
      validityKind: "one_day",
      policyIds: [policyId],
      scopeKind: "regions",
      regions: ["cn-north-4"],
    }),
  );
  const [small, large] = SIZES.map((size) => results.get(size)!);
  report(`Agencies on ${label}: the list at ${SIZES[0].toLocaleString("en")} and ${SIZES[1].toLocaleString("en")} agencies in acme`, [...large!, create]);
  console.table(
    small!.map((s, i) => {
      const l = large![i]!;
      const ratio = l.medianMs / s.medianMs;
      return {
        measurement: s.name.replace(/"bench-\d+"/, '"bench-…"'),
        [`${SIZES[0]} median ms`]: s.medianMs.toFixed(2),
        [`${SIZES[1]} median ms`]: l.medianMs.toFixed(2),
        ratio: `${ratio.toFixed(2)}×`,
        [`within ${TARGET_RATIO}×`]: ratio <= TARGET_RATIO ? "yes" : "NO",
      };
    }),
  );
}
