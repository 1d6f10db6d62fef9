/**
 * Credentials for a role session started through the API: an `X-Auth-Token`, or a temporary access
 * key with its security token. Each belongs to a role session of its own (its own "sign-in"), so
 * the delegating account sees it under Active sessions and can end it; every use re-checks the
 * session exactly as a console request does, so expiry, deletion or a change of the agency refuse
 * the next call. Only hashes of the tokens are stored; the temporary secret is sealed.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, apiCredentials, roleSessions, users } from "@/db/schema";
import { newAccessKeyId, newSecret } from "@/lib/access-keys/access-keys";
import { openSecret, sealSecret } from "@/lib/access-keys/secret-box";
import type { Caller } from "@/lib/caller";
import { assumeRole, resolveRoleSession } from "@/lib/roles/role-sessions";

/** Huawei's default life of temporary access keys. */
export const DEFAULT_KEY_SECONDS = 900;

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const loginIdOf = (credentialId: string) => `api:${credentialId}`;

export interface IssuedCredential {
  caller: Caller;
  expiresAt: Date;
  token: string;
  keys: { access: string; secret: string } | null;
}

/**
 * Switches `principal` (acting in its own account, signed in with a permanent key) into an agency,
 * as Switch Role does, and issues the credential for that session. `durationSeconds` shortens it.
 */
export async function issueRoleCredential(
  db: Db,
  principal: Caller,
  target: { accountName: string; agencyName: string; durationSeconds?: number },
  kind: "token" | "keys",
): Promise<IssuedCredential> {
  const credentialId = randomUUID();
  const durationSeconds = kind === "keys" ? (target.durationSeconds ?? DEFAULT_KEY_SECONDS) : target.durationSeconds;
  const assumed = await assumeRole(
    db,
    principal,
    { accountName: target.accountName, agencyName: target.agencyName, ...(durationSeconds !== undefined && { durationSeconds }) },
    loginIdOf(credentialId),
  );
  const token = randomBytes(kind === "token" ? 48 : 64).toString("base64url");
  const keys = kind === "keys" ? { access: newAccessKeyId(), secret: newSecret() } : null;
  await db.insert(apiCredentials).values({
    id: credentialId,
    roleSessionId: assumed.roleSessionId,
    tokenHash: tokenHash(token),
    accessKeyId: keys?.access ?? null,
    secretCiphertext: keys === null ? null : sealSecret(keys.secret),
    expiresAt: assumed.expiresAt,
  });
  return { caller: assumed.caller, expiresAt: assumed.expiresAt, token, keys };
}

export type CredentialCheck = { ok: true; caller: Caller } | { ok: false; reason: string };

/** The caller a credential acts as now, or why it no longer works (the role session ends with it). */
async function actingCaller(db: Db, credential: typeof apiCredentials.$inferSelect, via: Caller["via"]): Promise<CredentialCheck> {
  const [row] = await db
    .select({ session: roleSessions, accountName: accounts.name, userName: users.name })
    .from(roleSessions)
    .innerJoin(accounts, eq(accounts.id, roleSessions.principalAccountId))
    .leftJoin(users, eq(users.id, roleSessions.principalUserId))
    .where(eq(roleSessions.id, credential.roleSessionId));
  if (row === undefined) return { ok: false, reason: "The credential's role session has ended." };
  const principal: Caller = {
    accountId: row.session.principalAccountId,
    accountName: row.accountName,
    principalAccountId: row.session.principalAccountId,
    principalAccountName: row.accountName,
    userId: row.session.principalUserId,
    userName: row.userName,
    agency: null,
  };
  const resolved = await resolveRoleSession(db, principal, credential.roleSessionId, loginIdOf(credential.id));
  if (!resolved.ok) return { ok: false, reason: resolved.notice };
  return { ok: true, caller: { ...resolved.caller, via } };
}

/** An `X-Auth-Token`: who it acts as, or why not. */
export async function callerForToken(db: Db, token: string): Promise<CredentialCheck> {
  if (token.length < 32 || token.length > 128) return { ok: false, reason: "The token is not valid." };
  const [credential] = await db
    .select()
    .from(apiCredentials)
    .where(eq(apiCredentials.tokenHash, tokenHash(token)));
  if (credential === undefined || credential.accessKeyId !== null) return { ok: false, reason: "The token is not valid." };
  return actingCaller(db, credential, { api: "huawei", token: credential.id });
}

export type TemporaryKey = { found: true; secret: string; tokenHash: string; check: () => Promise<CredentialCheck> } | { found: false };

/** A temporary access key: its secret to check the signature with, then the caller it acts as. */
export async function temporaryKey(db: Db, accessKeyId: string): Promise<TemporaryKey> {
  if (!/^[A-Z0-9]{20}$/.test(accessKeyId)) return { found: false };
  const [credential] = await db.select().from(apiCredentials).where(eq(apiCredentials.accessKeyId, accessKeyId));
  if (credential === undefined || credential.secretCiphertext === null) return { found: false };
  return {
    found: true,
    secret: openSecret(credential.secretCiphertext),
    tokenHash: credential.tokenHash,
    check: () => actingCaller(db, credential, { api: "huawei", accessKeyId }),
  };
}
