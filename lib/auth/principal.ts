/**
 * Who a session cookie's sign-in stands for, re-read on every request: an account's root, one of its
 * IAM users, or a federated user, whose identity provider must still exist and be enabled. A deleted
 * user, a deleted or disabled provider, or an ended sign-in is nobody.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, identityProviders, users } from "@/db/schema";
import { signInIsActive } from "@/lib/auth/sign-ins";
import type { Caller } from "@/lib/caller";

export interface SignedInPrincipal {
  caller: Caller;
  /** The principal's saved console language (null: follow the browser). */
  language: string | null;
}

export async function signedInPrincipal(db: Db, session: { accountId: string; userId: string | null; loginId: string }): Promise<SignedInPrincipal | null> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, session.accountId));
  if (account === undefined) return null;
  let userName: string | null = null;
  let language = account.language;
  let federated: Caller["federated"];
  if (session.userId !== null) {
    const [user] = await db
      .select({
        name: users.name,
        language: users.language,
        subject: users.subject,
        providerId: identityProviders.id,
        provider: identityProviders.name,
        enabled: identityProviders.enabled,
      })
      .from(users)
      .leftJoin(identityProviders, eq(identityProviders.id, users.providerId))
      .where(and(eq(users.id, session.userId), eq(users.accountId, account.id)));
    if (user === undefined) return null;
    if (user.providerId !== null) {
      if (!user.enabled) return null;
      federated = { providerId: user.providerId, provider: user.provider!, subject: user.subject! };
    }
    userName = user.name;
    language = user.language;
  }
  if (!(await signInIsActive(db, session.loginId, { accountId: account.id, userId: session.userId }))) return null;
  return {
    caller: {
      accountId: account.id,
      accountName: account.name,
      principalAccountId: account.id,
      principalAccountName: account.name,
      userId: session.userId,
      userName,
      agency: null,
      ...(federated !== undefined && { federated }),
    },
    language,
  };
}
