import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

// Every table of the schema object, so a new table is covered without touching this file. The
// audit trail is compared apart: a refusal is expected to add exactly one event there.
const domainTables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .filter((name) => name !== "audit_events")
  .sort();

/**
 * A digest of every row of every domain table (content, not counts: an UPDATE shows too), to show
 * that a refused call wrote nothing.
 */
export async function tableCounts(db: Db): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of domainTables) {
    const result = await db.execute(
      sql.raw(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as d from "${table}" t`),
    );
    digests[table] = String((result as unknown as { rows: { d: string }[] }).rows[0]!.d);
  }
  return digests;
}

export const snapshotTables = domainTables;

export async function auditCount(db: Db): Promise<number> {
  const result = await db.execute(sql.raw("select count(*)::int as n from audit_events"));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

/** Table counts without what any signed API request writes: its nonce, its key's last use, its key's request budget. */
export const withoutKeyUse = ({ api_nonces: _nonces, access_keys: _keys, api_rate_buckets: _budget, ...rest }: Record<string, string>) => rest;
