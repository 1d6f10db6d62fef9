/**
 * The agency list at 1,000 and at 100,000 agencies in one account (issue 15): page 1, the last
 * page, a substring search and a one-hit search (and, streamed after each, its count) should each cost
 * about the same at both sizes.
 * Each pair is printed with its ratio; creating an agency is timed at the larger size.
 */
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { AGENCY_COUNT_CAP, AGENCY_SEARCH_COUNT_CAP, createAgency, listAgencies } from "@/lib/agencies/agencies";
import { callerFor } from "@/tests/helpers/db";
import { report, reportPairs, type Timing, time } from "./harness";

const SIZES = [1_000, 100_000] as const;
const TARGET_RATIO = 1.5;

/**
 * Adds agencies number `from` … `upTo` to acme (bulk SQL: the benchmark times reads, not inserts),
 * named as a large organisation names them: team, purpose, environment and a number.
 */
const nameOf = (g: string) =>
  sql.raw(
    `(array[${TEAMS}])[1 + ${g} % 12] || '-' || (array[${PURPOSES}])[1 + (${g} / 12) % 8] || '-' || (array['prod','staging','dev','test'])[1 + (${g} / 96) % 4] || '-' || lpad(${g}::text, 6, '0')`,
  );
const TEAMS = "'billing','data','ops','security','network','platform','support','audit','mobile','web','finance','research'";
const PURPOSES = "'readonly','admin','deploy','backup','monitor','migrate','report','sync'";

async function fill(handle: DbHandle, accountId: string, from: number, upTo: number): Promise<void> {
  await handle.db.execute(sql`
    insert into agencies (account_id, name, type, delegated_account_id, validity_kind, expires_at, description, created_at)
    select ${accountId}::uuid, ${nameOf("g")}, 'account',
           (select id from accounts where name = 'globex'), 'one_day', now() + interval '1 day',
           'benchmark agency ' || g, now() - (g || ' seconds')::interval
    from generate_series(${from}::int, ${upTo}::int) g`);
  await handle.db.execute(sql`analyze agencies`);
}

export async function benchAgencies(handle: DbHandle, label: string): Promise<void> {
  const db = handle.db;
  const acme = await callerFor(db, "acme");
  const lists = (size: number): [string, Record<string, string>][] => [
    ["page 1", {}],
    ["last page", { last: "1" }],
    ['substring search "deploy"', { q: "deploy" }],
    ['two-letter search "07"', { q: "07" }],
    [`one-hit search by number "${names.get(size)!.slice(-6)}"`, { q: names.get(size)!.slice(-6) }],
    [`one-hit search by whole name "${names.get(size)}"`, { q: names.get(size)! }],
  ];
  const results = new Map<number, Timing[]>();
  const names = new Map<number, string>();
  let filled = 0;
  for (const size of SIZES) {
    await fill(handle, acme.accountId, filled + 1, size);
    filled = size;
    const newest = (await db.execute(sql`select ${nameOf(String(size - 1))} as name`)) as unknown as { rows: { name: string }[] };
    names.set(size, newest.rows[0]!.name);
    const timings: Timing[] = [];
    for (const [name, query] of lists(size)) {
      timings.push(await time(name, 30, () => listAgencies(db, acme, query)));
      // The page streams the count in after the rows: timed on its own.
      const list = await listAgencies(db, acme, query);
      timings.push(await time(`${name}: its count`, 30, () => list.count()));
    }
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
  const sizes: [string, string] = [SIZES[0].toLocaleString("en"), SIZES[1].toLocaleString("en")];
  const isCount = (t: Timing) => t.name.endsWith(": its count");
  reportPairs(
    `Agencies on ${label}: each list page and its ratio`,
    sizes,
    small!.filter((t) => !isCount(t)),
    large!.filter((t) => !isCount(t)),
    TARGET_RATIO,
  );
  // A count reads matches up to its cap (10,000; 1,000 for a search): bounded, not flat, and streamed after the rows.
  reportPairs(
    `Agencies on ${label}: each count, streamed in after its page (reads at most ${AGENCY_COUNT_CAP.toLocaleString("en")} agencies, ${AGENCY_SEARCH_COUNT_CAP.toLocaleString("en")} for a search)`,
    sizes,
    small!.filter(isCount),
    large!.filter(isCount),
    null,
  );
}
