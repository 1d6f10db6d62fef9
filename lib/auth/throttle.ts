/**
 * Sign-in throttling. Every attempt is admitted (and counted as a failure) under per-key locks
 * before its password is checked, so parallel attempts cannot slip past the count; a success then
 * clears its own (account name, address) pair.
 *
 * - Per (account name, address): five failures are free; after the f-th failure in a row the pair
 *   waits 2^f seconds (32 s, 64 s, … up to 15 minutes). Failures are forgotten after a day.
 * - Per account name, over all addresses: beyond 20 failures in 15 minutes the account slows down
 *   instead of locking: an address that already failed for it waits 2^f seconds from its first
 *   failure on, and the account admits at most one attempt per second. A clean address still gets in.
 * - Per address, over all account names: beyond 30 failures in 15 minutes it waits 2^(f-29) seconds.
 */
import { and, count, eq, gt, inArray, lt, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { throttledMessage } from "@/lib/auth/messages";

export const PAIR_FREE_FAILURES = 5;
export const ACCOUNT_CEILING = 20;
export const ADDRESS_CEILING = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
const WINDOW_MS = 15 * 60_000;
const PAIR_MEMORY_MS = 24 * 60 * 60_000;
const ACCOUNT_SPACING_MS = 1_000;
// Namespaces of the two-key advisory locks, so an account name and an address never share a lock.
const ACCOUNT_LOCK = 7301;
const ADDRESS_LOCK = 7302;

/** Thrown before any password is checked while the attempt must wait. */
export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(throttledMessage(retryAfterSeconds));
    this.name = "SignInThrottledError";
  }
}

const exponential = (exponent: number) => Math.min(2 ** Math.min(exponent, 30), MAX_DELAY_SECONDS) * 1000;

/** How long (ms from `now`) the attempt must still wait; 0 when it may go ahead. */
export function requiredWait(
  state: {
    pairFailures: number;
    pairLast: Date | null;
    accountFailures: number;
    accountLast: Date | null;
    addressFailures: number;
    addressLast: Date | null;
  },
  now: Date,
): number {
  const waits: number[] = [];
  const after = (last: Date | null, delay: number) => (last === null ? 0 : last.getTime() + delay - now.getTime());
  const underAttack = state.accountFailures >= ACCOUNT_CEILING;
  if (state.pairFailures >= PAIR_FREE_FAILURES || (underAttack && state.pairFailures > 0)) {
    waits.push(after(state.pairLast, exponential(state.pairFailures)));
  }
  if (underAttack) waits.push(after(state.accountLast, ACCOUNT_SPACING_MS));
  if (state.addressFailures >= ADDRESS_CEILING) waits.push(after(state.addressLast, exponential(state.addressFailures - ADDRESS_CEILING + 1)));
  return Math.max(0, ...waits);
}

/**
 * Admits one attempt for `accountKey` (the lower-cased account name) from `address`, recording it
 * as a failure; throws SignInThrottledError instead when it must wait. Returns the attempt's id.
 */
export async function admitAttempt(db: Db, accountKey: string, address: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    // Account first, then address, in every transaction: the fixed order cannot deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${accountKey}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${address}))`);
    // Forget the oldest failures once they are a day old; ids grow with time, so this reads the primary key only.
    const oldest = tx.select({ id: signInFailures.id }).from(signInFailures).orderBy(signInFailures.id).limit(100);
    await tx.delete(signInFailures).where(and(inArray(signInFailures.id, oldest), lt(signInFailures.at, new Date(now.getTime() - PAIR_MEMORY_MS))));
    const windowStart = new Date(now.getTime() - WINDOW_MS);
    const tally = async (...conditions: Parameters<typeof and>) => {
      const [row] = await tx
        .select({ n: count(), last: max(signInFailures.at) })
        .from(signInFailures)
        .where(and(...conditions));
      return { n: Number(row?.n ?? 0), last: row?.last ? new Date(row.last) : null };
    };
    const pair = await tally(
      eq(signInFailures.accountName, accountKey),
      eq(signInFailures.address, address),
      gt(signInFailures.at, new Date(now.getTime() - PAIR_MEMORY_MS)),
    );
    const account = await tally(eq(signInFailures.accountName, accountKey), gt(signInFailures.at, windowStart));
    const byAddress = await tally(eq(signInFailures.address, address), gt(signInFailures.at, windowStart));
    const wait = requiredWait(
      {
        pairFailures: pair.n,
        pairLast: pair.last,
        accountFailures: account.n,
        accountLast: account.last,
        addressFailures: byAddress.n,
        addressLast: byAddress.last,
      },
      now,
    );
    if (wait > 0) throw new SignInThrottledError(wait / 1000);
    const [row] = await tx.insert(signInFailures).values({ accountName: accountKey, address, at: now }).returning({ id: signInFailures.id });
    return row!.id;
  });
}

/** A successful sign-in clears its pair's failures (including the attempt just admitted). */
export async function clearPair(db: Db, accountKey: string, address: string): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.accountName, accountKey), eq(signInFailures.address, address)));
}
