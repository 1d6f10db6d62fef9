import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { authOptions } from "@/lib/auth/options";
import { signedInPrincipal } from "@/lib/auth/principal";
import type { Caller } from "@/lib/caller";
import { resolveRoleSession } from "@/lib/roles/role-sessions";

/** Holds the id of the role session a principal has switched into (checked against the sign-in on every request). */
export const ROLE_COOKIE = "mandate.role";
/** Tells, after the fact, why a switched role ended (set when the role cookie is cleared). */
export const ROLE_NOTICE_COOKIE = "mandate.role-notice";

export interface RequestIdentity {
  caller: Caller;
  loginId: string;
  /** Set when the role this browser is switched into has ended; the caller is then back in its own account. */
  roleEnded: string | null;
  /** Why an earlier role ended, until dismissed. */
  roleNotice: string | null;
  /** The principal's saved console language (null: follow the browser). */
  language?: string | null;
}

/**
 * Who is asking, re-read from the database on every request: an ended sign-in or a deleted user
 * loses access at once (whatever copy of the cookie is used), and a switched role is re-checked
 * against its agency.
 */
export const resolveRequest = cache(async (): Promise<RequestIdentity | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.accountId || !session.loginId) return null;
  const db = await getDb();
  const signedIn = await signedInPrincipal(db, { accountId: session.accountId, userId: session.userId, loginId: session.loginId });
  if (signedIn === null) return null;
  const { caller: principal, language } = signedIn;
  const jar = await cookies();
  const roleSessionId = jar.get(ROLE_COOKIE)?.value;
  const notice = jar.get(ROLE_NOTICE_COOKIE)?.value || null;
  // A deleted cookie reads as an empty value for the rest of the request that deleted it.
  if (!roleSessionId) return { caller: forThisRequest(principal), loginId: session.loginId, roleEnded: null, roleNotice: notice, language };
  const resolved = await resolveRoleSession(db, principal, roleSessionId, session.loginId);
  return resolved.ok
    ? { caller: forThisRequest(resolved.caller), loginId: session.loginId, roleEnded: null, roleNotice: null, language }
    : { caller: forThisRequest(principal), loginId: session.loginId, roleEnded: resolved.notice, roleNotice: resolved.notice, language };
});

// The caller of one request loads its grants once, however many parts of the page ask (lib/authz/authorize.ts).
const forThisRequest = (caller: Caller): Caller => ({ ...caller, requestMemo: {} });

export async function getCaller(): Promise<Caller | null> {
  return (await resolveRequest())?.caller ?? null;
}

export async function requireCaller(): Promise<Caller> {
  const caller = await getCaller();
  if (caller === null) redirect("/sign-in");
  return caller;
}
