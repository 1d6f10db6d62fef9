/**
 * Federated sign-ins in flight (db/schema-auth.ts federationAttempts): opened when a person leaves
 * for the provider, spent when the provider sends them back to the browser that left.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type FederationAttempt, federationAttempts } from "@/db/schema";
import { openSecret, sealSecret } from "@/lib/access-keys/secret-box";

/** How long a person may take at the provider. */
export const ATTEMPT_TTL_MS = 10 * 60 * 1000;
/** Sign-ins one client address may start per ATTEMPT_TTL_MS: each costs the provider a request and us a row. */
export const ATTEMPTS_PER_ADDRESS = 30;

const ADDRESS_LOCK = 7303;
const BINDING = /^[A-Za-z0-9_-]{43}$/;

/** The browser's binding value: kept when it already holds a well-formed one, so two tabs can sign in at once. */
export function bindingFor(existing: string | undefined): string {
  return existing !== undefined && BINDING.test(existing) ? existing : randomBytes(32).toString("base64url");
}

const hashOf = (binding: string) => createHash("sha256").update(binding).digest("base64url");

export interface OpenedAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * Whom the count of starts is kept for: an IPv4 address, or an IPv6 address's /64, since one
 * subscriber is commonly given a whole /64 and could otherwise start from a fresh address each time.
 */
export function addressKey(address: string): string {
  if (!address.includes(":") || address.includes(".")) return address;
  const [head = "", tail] = address.toLowerCase().split("::", 2);
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Opens an attempt, or returns null when this address has started too many sign-ins lately. */
export async function openAttempt(
  db: Db,
  attempt: { providerId: string; binding: string; redirectUri: string; returnTo: string; address: string },
  random: { state: string; nonce: string; codeVerifier: string },
  now = new Date(),
): Promise<OpenedAttempt | null> {
  const address = addressKey(attempt.address.slice(0, 64));
  return db.transaction(async (tx) => {
    // One address's starts queue here, so parallel requests cannot all count the same few rows and pass.
    await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${address}))`);
    // Spent or abandoned attempts go once out of the counting window, so the table holds about ten minutes of them.
    await tx.delete(federationAttempts).where(lt(federationAttempts.expiresAt, new Date(now.getTime() - ATTEMPT_TTL_MS)));
    const since = new Date(now.getTime() - ATTEMPT_TTL_MS);
    const [recent] = await tx
      .select({ n: count() })
      .from(federationAttempts)
      .where(and(eq(federationAttempts.address, address), gt(federationAttempts.createdAt, since)));
    if (Number(recent?.n ?? 0) >= ATTEMPTS_PER_ADDRESS) return null;
    await tx.insert(federationAttempts).values({
      state: random.state,
      nonce: random.nonce,
      codeVerifier: sealSecret(random.codeVerifier),
      bindingHash: hashOf(attempt.binding),
      providerId: attempt.providerId,
      redirectUri: attempt.redirectUri,
      returnTo: attempt.returnTo,
      address,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ATTEMPT_TTL_MS),
    });
    return random;
  });
}

/**
 * Spends the attempt `state` names, if this browser opened it and it has not expired. Marking it
 * spent first makes a second use (a replayed or raced answer) find nothing; an answer carried to
 * another browser leaves the real one's attempt untouched. Spent rows stay until the count of starts
 * no longer needs them, so spending one's own attempts at once does not buy more starts.
 */
export async function spendAttempt(
  db: Db,
  state: string,
  binding: string | undefined,
  now = new Date(),
): Promise<(FederationAttempt & { codeVerifier: string }) | null> {
  if (binding === undefined || !BINDING.test(binding) || state.length === 0 || state.length > 256) return null;
  const [row] = await db
    .update(federationAttempts)
    .set({ spentAt: now })
    .where(and(eq(federationAttempts.state, state), eq(federationAttempts.bindingHash, hashOf(binding)), isNull(federationAttempts.spentAt)))
    .returning();
  if (row === undefined || row.expiresAt.getTime() <= now.getTime()) return null;
  return { ...row, codeVerifier: openSecret(row.codeVerifier) };
}
