/**
 * Requests per access key (or token): a token bucket per key, kept in the database so that every
 * server behind a load balancer draws from the same one. One upsert takes a token: the row lock
 * it takes makes concurrent requests for a key queue, never both see the last token.
 */
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiRateBuckets } from "@/db/schema";

export const RATE_PER_SECOND = 20;
export const BURST = 40;
// A bucket untouched this long is full again: its row can go.
const FULL_AFTER_MS = (BURST / RATE_PER_SECOND) * 1000;
const SWEEP_EVERY = 1000;
let takenSinceSweep = 0;

/** True when `key` may send one more request now (and that token is spent). */
export async function takeToken(db: Db, key: string, now = new Date()): Promise<boolean> {
  if (++takenSinceSweep >= SWEEP_EVERY) {
    takenSinceSweep = 0;
    await db.delete(apiRateBuckets).where(lt(apiRateBuckets.at, new Date(now.getTime() - FULL_AFTER_MS)));
  }
  const at = now.toISOString();
  // Servers' clocks differ a little: time never runs backwards for a bucket.
  const refilled = sql`least(${BURST}::float8, ${apiRateBuckets.tokens} + greatest(0, extract(epoch from (${at}::timestamptz - ${apiRateBuckets.at}))) * ${RATE_PER_SECOND})`;
  const [row] = await db
    .insert(apiRateBuckets)
    .values({ key, tokens: BURST - 1, at: now, granted: true })
    .onConflictDoUpdate({
      target: apiRateBuckets.key,
      set: {
        tokens: sql`case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end`,
        at: sql`greatest(${apiRateBuckets.at}, ${at}::timestamptz)`,
        granted: sql`${refilled} >= 1`,
      },
    })
    .returning({ granted: apiRateBuckets.granted });
  return row?.granted === true;
}

/** Starts every key afresh (tests that send hundreds of requests with one key, one after another). */
export async function forgetThrottle(db: Db): Promise<void> {
  await db.delete(apiRateBuckets);
}
