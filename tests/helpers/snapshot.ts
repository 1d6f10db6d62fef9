import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const tables = ["accounts", "users", "groups", "group_members", "group_grants", "policies", "enterprise_projects", "ecs_instances", "obs_buckets"];

/** Row counts of every domain table, to show that a refused call wrote nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
  }
  return counts;
}

export async function auditCount(db: Db): Promise<number> {
  const result = await db.execute(sql.raw("select count(*)::int as n from audit_events"));
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}
