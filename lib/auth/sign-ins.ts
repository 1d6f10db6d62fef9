/**
 * Server-side sign-ins. The session cookie (a JWT) only names a row here; the row decides whether
 * the cookie still works, so ending it ends the cookie on its next request wherever it was copied.
 */
import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleSessions, signIns } from "@/db/schema";

/** A sign-in lasts at most this long (the JWT's own maxAge is the same). */
export const SIGN_IN_MAX_AGE_MS = 8 * 60 * 60 * 1000;
// Last-seen is kept to the minute so that a busy page does not write on every request.
const LAST_SEEN_RESOLUTION_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignInOwner {
  accountId: string;
  /** null for the account's root user. */
  userId: string | null;
}

const ownedBy = (who: SignInOwner) => and(eq(signIns.accountId, who.accountId), who.userId === null ? isNull(signIns.userId) : eq(signIns.userId, who.userId));

const active = (now: Date) => and(isNull(signIns.endedAt), gt(signIns.expiresAt, now));

/** Records a new sign-in and returns its id, which the session cookie carries as `loginId`. */
export async function startSignIn(db: Db, who: SignInOwner, client: { userAgent?: string; address?: string } = {}): Promise<string> {
  const [row] = await db
    .insert(signIns)
    .values({
      accountId: who.accountId,
      userId: who.userId,
      expiresAt: new Date(Date.now() + SIGN_IN_MAX_AGE_MS),
      userAgent: (client.userAgent ?? "").slice(0, 512),
      address: (client.address ?? "").slice(0, 64),
    })
    .returning({ id: signIns.id });
  return row!.id;
}

/** Whether the cookie's sign-in still stands for this principal (and notes that it was seen). */
export async function signInIsActive(db: Db, loginId: string, who: SignInOwner): Promise<boolean> {
  if (!UUID.test(loginId)) return false;
  const now = new Date();
  const [row] = await db
    .select({ lastSeenAt: signIns.lastSeenAt })
    .from(signIns)
    .where(and(eq(signIns.id, loginId), ownedBy(who), active(now)));
  if (row === undefined) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.update(signIns).set({ lastSeenAt: now }).where(eq(signIns.id, loginId));
  }
  return true;
}

/**
 * Ends every active sign-in of a principal (root when `userId` is null), except `exceptLoginId`,
 * and the role sessions started in them. Call it inside the transaction of the change that
 * requires it (sign-out, password change, an administrator's revocation). Returns how many ended.
 */
export async function endSignIns(tx: Db, who: SignInOwner, reason: string, exceptLoginId?: string): Promise<number> {
  const now = new Date();
  const keep = exceptLoginId !== undefined && UUID.test(exceptLoginId) ? ne(signIns.id, exceptLoginId) : undefined;
  const ended = await tx
    .update(signIns)
    .set({ endedAt: now, endedReason: reason })
    .where(and(ownedBy(who), isNull(signIns.endedAt), keep))
    .returning({ id: signIns.id });
  const loginIds = ended.map((r) => r.id);
  if (loginIds.length > 0) {
    await tx
      .update(roleSessions)
      .set({ endedAt: now, endedReason: "signed_out" })
      .where(and(inArray(roleSessions.loginId, loginIds), isNull(roleSessions.endedAt)));
  }
  return ended.length;
}

/** Ends one sign-in of a principal; false when it was not theirs or had already ended. */
export async function endSignIn(tx: Db, who: SignInOwner, loginId: string, reason: string): Promise<boolean> {
  if (!UUID.test(loginId)) return false;
  const now = new Date();
  const [row] = await tx
    .update(signIns)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(signIns.id, loginId), ownedBy(who), isNull(signIns.endedAt)))
    .returning({ id: signIns.id });
  if (row === undefined) return false;
  await tx
    .update(roleSessions)
    .set({ endedAt: now, endedReason: "signed_out" })
    .where(and(eq(roleSessions.loginId, loginId), isNull(roleSessions.endedAt)));
  return true;
}

/** A principal's sign-ins that still stand, newest first. */
export async function activeSignInsOf(db: Db, who: SignInOwner) {
  return db
    .select({
      id: signIns.id,
      createdAt: signIns.createdAt,
      lastSeenAt: signIns.lastSeenAt,
      expiresAt: signIns.expiresAt,
      userAgent: signIns.userAgent,
      address: signIns.address,
    })
    .from(signIns)
    .where(and(ownedBy(who), active(new Date())))
    .orderBy(sql`${signIns.createdAt} desc`);
}
