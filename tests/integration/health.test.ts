/** What /api/health asks of the database: it answers, and holds every migration this build ships. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type TestDatabase, testDatabase } from "@/tests/helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase({ demo: false });
});
afterAll(() => t.dispose());

async function migrationsTable(): Promise<string> {
  if (t.kind === "pglite") return "drizzle.__drizzle_migrations";
  const result = (await t.db.execute("select current_schema() as s")) as unknown as { rows: { s: string }[] };
  return `"${result.rows[0]?.s}".__drizzle_migrations`;
}

test("a migrated database is current; one missing its newest migration is not", async () => {
  expect(await t.isCurrent()).toBe(true);
  const table = await migrationsTable();
  const removed = (await t.db.execute(
    `delete from ${table} where created_at = (select max(created_at) from ${table}) returning hash, created_at::text as at`,
  )) as unknown as { rows: { hash: string; at: string }[] };
  expect(removed.rows).toHaveLength(1);
  expect(await t.isCurrent()).toBe(false);
  const { hash, at } = removed.rows[0]!;
  await t.db.execute(sql.raw(`insert into ${table} (hash, created_at) values ('${hash.replace(/[^0-9a-f]/g, "")}', ${Number(at)})`));
  expect(await t.isCurrent()).toBe(true);
});
