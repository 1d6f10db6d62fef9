/**
 * Who signed an API request: the access key's principal, acting in its own account. The key must
 * exist and be active; each signature nonce is accepted once.
 */
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessKeys, accounts, apiNonces, users } from "@/db/schema";
import { openSecret } from "@/lib/access-keys/secret-box";
import type { Caller } from "@/lib/caller";

/** How far a request's date may be from the server's clock, either way. */
export const CLOCK_SKEW_MS = 15 * 60 * 1000;

export type KeyHolder = { found: true; active: boolean; caller: Caller; secret: string } | { found: false };

export async function keyHolder(db: Db, accessKeyId: string, api: string): Promise<KeyHolder> {
  if (!/^[A-Z0-9]{20}$/.test(accessKeyId)) return { found: false };
  const [row] = await db
    .select({ key: accessKeys, accountName: accounts.name, userName: users.name })
    .from(accessKeys)
    .innerJoin(accounts, eq(accounts.id, accessKeys.accountId))
    .leftJoin(users, eq(users.id, accessKeys.userId))
    .where(eq(accessKeys.accessKeyId, accessKeyId));
  if (row === undefined) return { found: false };
  const caller: Caller = {
    accountId: row.key.accountId,
    accountName: row.accountName,
    principalAccountId: row.key.accountId,
    principalAccountName: row.accountName,
    userId: row.key.userId,
    userName: row.userName,
    via: { api, accessKeyId },
  };
  return { found: true, active: row.key.status === "active", caller, secret: openSecret(row.key.secretCiphertext) };
}

/** True the first time a key presents `nonce` within the skew window; old nonces are dropped as it goes. */
export async function firstUseOfNonce(db: Db, accessKeyId: string, nonce: string): Promise<boolean> {
  await db.delete(apiNonces).where(and(eq(apiNonces.accessKeyId, accessKeyId), lt(apiNonces.seenAt, new Date(Date.now() - 2 * CLOCK_SKEW_MS))));
  const inserted = await db.insert(apiNonces).values({ accessKeyId, nonce }).onConflictDoNothing().returning({ nonce: apiNonces.nonce });
  return inserted.length === 1;
}

export async function markKeyUsed(db: Db, accessKeyId: string): Promise<void> {
  await db.update(accessKeys).set({ lastUsedAt: new Date() }).where(eq(accessKeys.accessKeyId, accessKeyId));
}
