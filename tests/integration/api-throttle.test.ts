/** The API's per-key request budget lives in the database, so every server draws from one bucket. */
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { createDb } from "@/db/client";
import { BURST, forgetThrottle, takeToken } from "@/lib/api/throttle";
import { type TestDatabase, testDatabase } from "@/tests/helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase({ demo: false, poolSize: 10 });
});
beforeEach(() => forgetThrottle(t.db));
afterAll(() => t.dispose());

const granted = (results: boolean[]) => results.filter(Boolean).length;

test("a key gets a burst of 40, then 20 a second; keys do not share a bucket", async () => {
  const start = new Date(1_000_000);
  const at = (ms: number) => new Date(start.getTime() + ms);
  const burst: boolean[] = [];
  for (let i = 0; i < BURST + 1; i++) burst.push(await takeToken(t.db, "AK1", start));
  expect(granted(burst)).toBe(BURST);
  expect(burst[BURST]).toBe(false);
  expect(await takeToken(t.db, "AK2", start)).toBe(true);
  expect(await takeToken(t.db, "AK1", at(49))).toBe(false);
  expect(await takeToken(t.db, "AK1", at(50))).toBe(true);
  const afterASecond: boolean[] = [];
  for (let i = 0; i < 21; i++) afterASecond.push(await takeToken(t.db, "AK1", at(1050)));
  expect(granted(afterASecond)).toBe(20);
});

test("a clock behind the bucket's refills nothing and takes no token for free", async () => {
  const now = new Date(5_000_000);
  for (let i = 0; i < BURST; i++) await takeToken(t.db, "AK3", now);
  expect(await takeToken(t.db, "AK3", new Date(now.getTime() - 60_000))).toBe(false);
  expect(await takeToken(t.db, "AK3", now)).toBe(false);
});

test("requests racing for one key never take more than the burst", async () => {
  const now = new Date();
  const results = await Promise.all(Array.from({ length: BURST + 30 }, () => takeToken(t.db, "AK-race", now)));
  expect(granted(results)).toBe(BURST);
});

test.runIf(process.env.TEST_DB === "postgres")("two servers (two connection pools) on one database share each key's bucket", async () => {
  const url = process.env.TEST_DATABASE_URL ?? "";
  const schema = (await t.db.execute("select current_schema() as s")) as unknown as { rows: { s: string }[] };
  const other = createDb({ url, schema: schema.rows[0]?.s, poolSize: 10 });
  try {
    const now = new Date();
    const results = await Promise.all(Array.from({ length: BURST + 30 }, (_, i) => takeToken(i % 2 === 0 ? t.db : other.db, "AK-two", now)));
    expect(granted(results)).toBe(BURST);
  } finally {
    await other.close();
  }
});
