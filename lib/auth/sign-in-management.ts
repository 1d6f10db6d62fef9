/**
 * What people do with sign-ins: sign out, see their own, end the others, and (root or a holder of
 * `iam:users:revokeSessions`) end a user's. Each is audited in the transaction that ends it.
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts, identityProviders, users } from "@/db/schema";
import { activeSignInsOf, endSignIn, endSignIns, type SignInOwner } from "@/lib/auth/sign-ins";
import { selfService } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { urn } from "@/lib/authz/urn";
import { ownAccountCaller, type Caller, userLabel, userNameKey } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { id } from "@/lib/validation";
import { phrase } from "@/lib/i18n/message";

export const endSignInInput = z.object({ signInId: id("signIn") });
export const endUserSignInsInput = z.object({ userId: id("user") });

/** Whose sign-ins these are: always the principal who signed in, even while switched into a role. */
const ownerOf = (caller: Caller): SignInOwner => ({ accountId: caller.principalAccountId, userId: caller.userId });

/**
 * Sign Out: ends this sign-in (and its role sessions) so that no copy of the cookie works again.
 * Called with what the cookie itself says, as next-auth's sign-out decodes it.
 */
export async function signOut(db: Db, who: SignInOwner, loginId: string): Promise<void> {
  const [row] = await db
    .select({ accountName: accounts.name, userName: users.name, subject: users.subject, providerId: identityProviders.id, provider: identityProviders.name })
    .from(accounts)
    .leftJoin(users, and(eq(users.id, who.userId ?? sql`null`), eq(users.accountId, accounts.id)))
    .leftJoin(identityProviders, eq(identityProviders.id, users.providerId))
    .where(eq(accounts.id, who.accountId));
  if (row === undefined) return;
  const principal: Caller = {
    accountId: who.accountId,
    accountName: row.accountName,
    principalAccountId: who.accountId,
    principalAccountName: row.accountName,
    userId: who.userId,
    userName: row.userName,
    // A federated user may share an IAM user's name: its sign-out must not read as theirs.
    ...(row.providerId !== null && { federated: { providerId: row.providerId, provider: row.provider!, subject: row.subject ?? "" } }),
  };
  await selfService(db, principal, { action: "iam:sessions:signOut", target: `account ${row.accountName}`, detail: { signInId: loginId } }, async (tx) =>
    (await endSignIn(tx, who, loginId, "signed_out")) ? { value: undefined } : { value: undefined, unchanged: true },
  );
}

export interface SignInView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string;
  address: string;
  current: boolean;
}

export async function ownSignIns(db: Db, caller: Caller, loginId: string): Promise<SignInView[]> {
  const rows = await activeSignInsOf(db, ownerOf(caller));
  return rows.map((r) => ({ ...r, current: r.id === loginId }));
}

/** "Sign out other sessions": every sign-in of the caller but the one making the request. */
export const endOtherSignIns = command({
  action: "iam:sessions:signOutOthers",
  input: z.object({}),
  async run({ caller, loginId, own }): Promise<number> {
    const principal = ownAccountCaller(caller);
    return own({ target: `account ${principal.accountName}` }, async (tx) => {
      const ended = await endSignIns(tx, ownerOf(caller), "ended_by_user", loginId);
      return { value: ended, detail: { ended, kept: loginId } };
    });
  },
});

/** Ends one other sign-in of the caller's own (the current one is ended by Sign Out). */
export const endOwnSignIn = command({
  action: "iam:sessions:signOutOne",
  input: endSignInInput,
  async run({ caller, loginId, own }, input): Promise<void> {
    if (input.signInId === loginId) throw new DomainError("sign_in.not_found", { message: phrase("errors.sign_in.current") });
    const principal = ownAccountCaller(caller);
    await own({ target: `account ${principal.accountName}`, detail: { signInId: input.signInId } }, async (tx) => {
      if (!(await endSignIn(tx, ownerOf(caller), input.signInId, "ended_by_user"))) throw new DomainError("sign_in.not_found");
      return { value: undefined };
    });
  },
});

/** An administrator ends every sign-in of a user of the account the caller acts in. */
export const endUserSignIns = command({
  action: "iam:users:revokeSessions",
  input: endUserSignInsInput,
  async run({ caller, change }, input): Promise<{ userName: string; ended: number }> {
    return change(async (tx, guard) => {
      const [user] = await tx
        .select({ id: users.id, name: users.name, provider: identityProviders.name })
        .from(users)
        .leftJoin(identityProviders, eq(identityProviders.id, users.providerId))
        .where(and(eq(users.id, input.userId), eq(users.accountId, caller.accountId)));
      if (user === undefined) throw new DomainError("user.not_found");
      // A federated user is named as its g:UserName is (<provider>/<name>): never as the IAM user of its name.
      const label = userLabel(user.name, user.provider);
      await guard({
        action: "iam:users:revokeSessions",
        resource: urn("iam", null, caller.accountId, "user", userNameKey(user.name, user.provider)),
        target: `user ${label}`,
      });
      const ended = await endSignIns(tx, { accountId: caller.accountId, userId: user.id }, "ended_by_administrator");
      return { userName: label, ended };
    });
  },
});
