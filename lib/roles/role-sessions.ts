/**
 * Switching roles: a principal of the delegated account acts in the delegating account with exactly
 * an agency's permissions. The role session is re-checked on every request, so expiry, deletion
 * or a change of the agency takes effect at once.
 */
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts, agencies, recentRoles, roleSessions, users, type RoleEndReason } from "@/db/schema";
import { isExpired } from "@/lib/agencies/validity";
import { auditDenied, authorize, authorizer, type GuardedRequest, mutate, requireAllowed, selfService } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { assertNotSwitched } from "@/lib/authz/escalation";
import { urn } from "@/lib/authz/urn";
import { ownAccountCaller, principalLabel, type Caller } from "@/lib/caller";
import { notifyOnce } from "@/lib/notifications/notify";
import { ownedBy } from "@/lib/owned-by";
import { DomainError } from "@/lib/errors";
import { assumeRoleInput, endRoleSessionInput } from "@/lib/roles/schemas";
import { id, validate } from "@/lib/validation";
import { phrase, term } from "@/lib/i18n/message";

/** A sign-in lasts at most this long, and so does any role session started in it. */
export const LOGIN_MAX_AGE_MS = 8 * 60 * 60 * 1000;
const LAST_SEEN_RESOLUTION_MS = 60_000;
const RECENT_ROLES_SHOWN = 10;
/** The delegating account hears of a principal switching into an agency at most once in this time. */
const SWITCH_NOTICE_WINDOW_MS = 60 * 60 * 1000;

export const assumeRequest = (principal: Caller, accountName: string, agencyName: string): GuardedRequest => ({
  action: "iam:agencies:assume",
  resource: urn("iam", null, principal.accountId, "agency", `${accountName}/${agencyName}`),
  target: `agency ${accountName}/${agencyName}`,
});

export function switchedCaller(
  principal: Caller,
  account: { id: string; name: string },
  agency: { id: string; name: string; expiresAt: Date | null },
  roleSessionId: string,
): Caller {
  return {
    ...ownAccountCaller(principal),
    accountId: account.id,
    accountName: account.name,
    agency: { id: agency.id, name: agency.name, roleSessionId, expiresAt: agency.expiresAt },
  };
}

/**
 * Starts a role session. Every way the agency can be unusable gets the same answer, so that a
 * stranger cannot tell which accounts and agencies exist.
 */
export const assumeRole = command({
  action: "iam:agencies:assume",
  also: ["iam:agencies:switchBack"],
  input: assumeRoleInput,
  async run({ db, caller, loginId }, input) {
    const principal = ownAccountCaller(caller);
    const request = assumeRequest(principal, input.accountName, input.agencyName);
    // The permission comes first: without it, nothing about other accounts is looked at.
    await requireAllowed(db, principal, request);
    const [found] = await db
      .select({ agency: agencies, accountName: accounts.name })
      .from(agencies)
      .innerJoin(accounts, eq(accounts.id, agencies.accountId))
      .where(and(sql`lower(${accounts.name}) = lower(${input.accountName})`, eq(agencies.name, input.agencyName)));
    const usable = found !== undefined && found.agency.delegatedAccountId === principal.accountId && !isExpired(found.agency.expiresAt, new Date());
    if (!usable) {
      await auditDenied(db, principal, request, "errors.auditReason.roleUnavailable");
      throw new DomainError("role.unavailable", { field: "agencyName" });
    }
    const { agency } = found;
    // The account may have been typed in other letters: decide again on its real name, so a Deny written for it holds.
    const decided = found.accountName === input.accountName ? request : assumeRequest(principal, found.accountName, agency.name);
    // The principal acts here, not the role it may be in: the change is decided and recorded in its own account.
    return mutate(
      db,
      principal,
      async (tx, guard) => {
        // Filled once the session exists: the events are written when the change commits.
        const detail: { roleSessionId?: string } = {};
        await guard({ ...decided, target: request.target, detail });
        const replaced = await tx
          .update(roleSessions)
          .set({ endedAt: new Date(), endedReason: "switched_back" })
          .where(and(ownedBy(roleSessions, principal), eq(roleSessions.loginId, loginId), isNull(roleSessions.endedAt)))
          .returning({ id: roleSessions.id, agencyId: roleSessions.agencyId, agencyName: roleSessions.agencyName, accountId: roleSessions.accountId });
        // The role switched away from ends here: its delegating account sees it end, as with Switch Back.
        for (const left of replaced) {
          const [account] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, left.accountId));
          const was = switchedCaller(
            principal,
            { id: left.accountId, name: account!.name },
            { id: left.agencyId ?? "", name: left.agencyName, expiresAt: null },
            left.id,
          );
          guard.alsoRecord(was, {
            action: "iam:agencies:switchBack",
            resource: urn("iam", null, left.accountId, "agency", left.agencyName),
            target: `agency ${left.agencyName}`,
            detail: { roleSessionId: left.id, reason: "switched_back" },
          });
        }
        const [session] = await tx
          .insert(roleSessions)
          .values({
            agencyId: agency.id,
            agencyName: agency.name,
            accountId: agency.accountId,
            principalAccountId: principal.accountId,
            principalUserId: principal.userId,
            loginId,
            expiresAt: input.durationSeconds === undefined ? null : new Date(Date.now() + input.durationSeconds * 1000),
          })
          .returning({ id: roleSessions.id, startedAt: roleSessions.startedAt, expiresAt: roleSessions.expiresAt });
        // Recent roles are the console's Switch Role history: credentials an API client asks for are not switches made there.
        if (principal.via === undefined) {
          await tx
            .insert(recentRoles)
            .values({ principalAccountId: principal.accountId, principalUserId: principal.userId, accountName: found.accountName, agencyName: agency.name })
            .onConflictDoUpdate({
              target: [recentRoles.principalAccountId, recentRoles.principalUserId, recentRoles.accountName, recentRoles.agencyName],
              set: { lastUsedAt: new Date() },
            });
        }
        const acting = switchedCaller(principal, { id: agency.accountId, name: found.accountName }, agency, session!.id);
        await notifyOnce(
          tx,
          agency.accountId,
          "role_switched_in",
          { fromAccountName: principal.accountName, subject: agency.name, detail: { agencyId: agency.id }, sameAs: { principal: principalLabel(principal) } },
          SWITCH_NOTICE_WINDOW_MS,
        );
        detail.roleSessionId = session!.id;
        // Both trails record it: the delegating account sees who came in, the own account where its user went.
        guard.alsoRecord(acting, { ...decided, target: `agency ${agency.name}`, detail });
        return { roleSessionId: session!.id, caller: acting, expiresAt: sessionEnd(session!, agency.expiresAt) };
      },
      ["iam:agencies:assume", "iam:agencies:switchBack"],
    );
  },
});

/** Why a role ended, in the words of the catalogue's `errors.roleEnded.<reason>`. */
export function endedNotice(accountName: string, agencyName: string, reason: RoleEndReason | null): string {
  return phrase("errors.roleEnded.notice", { role: `${agencyName}@${accountName}`, why: term(`errors.roleEnded.${reason ?? "switched_back"}`) });
}

/** When a role session stops working at the latest: its own end, the sign-in's length, or the agency's expiry. */
export function sessionEnd(session: { startedAt: Date; expiresAt: Date | null }, agencyExpiresAt: Date | null): Date {
  const ends = [session.startedAt.getTime() + LOGIN_MAX_AGE_MS, session.expiresAt?.getTime(), agencyExpiresAt?.getTime()];
  return new Date(Math.min(...ends.filter((t): t is number => t !== undefined)));
}

export type Resolved = { ok: true; caller: Caller } | { ok: false; notice: string };

/** Re-checks a role session for this request; ends it (with the reason) when it can no longer be used. */
export async function resolveRoleSession(db: Db, principal: Caller, roleSessionId: string, loginId: string): Promise<Resolved> {
  if (!/^[0-9a-f-]{36}$/i.test(roleSessionId)) return { ok: false, notice: phrase("errors.roleEnded.plain") };
  const [row] = await db
    .select({ session: roleSessions, agency: agencies, accountName: accounts.name })
    .from(roleSessions)
    .innerJoin(accounts, eq(accounts.id, roleSessions.accountId))
    .leftJoin(agencies, eq(agencies.id, roleSessions.agencyId))
    .where(and(eq(roleSessions.id, roleSessionId), ownedBy(roleSessions, principal), eq(roleSessions.loginId, loginId)));
  if (row === undefined) return { ok: false, notice: phrase("errors.roleEnded.plain") };
  const { session, agency, accountName } = row;
  const now = new Date();
  let reason: RoleEndReason | null = session.endedReason;
  if (session.endedAt === null) {
    if (agency === null) reason = "agency_deleted";
    else if (agency.delegatedAccountId !== principal.principalAccountId) reason = "trust_changed";
    else if (now >= sessionEnd(session, agency.expiresAt)) reason = "expired";
    else {
      if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
        await db.update(roleSessions).set({ lastSeenAt: now }).where(eq(roleSessions.id, session.id));
      }
      return { ok: true, caller: switchedCaller(principal, { id: session.accountId, name: accountName }, agency, session.id) };
    }
    await db
      .update(roleSessions)
      .set({ endedAt: now, endedReason: reason })
      .where(and(eq(roleSessions.id, session.id), isNull(roleSessions.endedAt)));
  }
  return { ok: false, notice: endedNotice(accountName, session.agencyName, reason) };
}

/** Switch Back (or sign-out): ends the caller's role session and records it in the delegating account. */
export const endOwnRoleSession = command({
  action: "iam:agencies:switchBack",
  input: z.object({ reason: z.enum(["switched_back", "signed_out"]) }),
  async run({ db, caller }, { reason }): Promise<void> {
    const agency = caller.agency;
    if (!agency) return;
    // Recorded in the delegating account, whose agency the principal leaves.
    await selfService(
      db,
      caller,
      { action: "iam:agencies:switchBack", target: `agency ${agency.name}`, detail: { roleSessionId: agency.roleSessionId, reason } },
      async (tx) => {
        const ended = await tx
          .update(roleSessions)
          .set({ endedAt: new Date(), endedReason: reason })
          .where(and(eq(roleSessions.id, agency.roleSessionId), isNull(roleSessions.endedAt)))
          .returning({ id: roleSessions.id });
        // Already ended (by its owner, or expired) while this request was on its way: nothing to record.
        return ended.length === 0 ? { value: undefined, unchanged: true } : { value: undefined };
      },
    );
  },
});

/** The principal's recent roles, kept to those its policies still let it switch to (the list is a shortcut to Switch Role). */
export async function recentRolesOf(db: Db, caller: Caller) {
  const principal = ownAccountCaller(caller);
  const check = await authorizer(db, principal);
  const rows = await db
    .select({ accountName: recentRoles.accountName, agencyName: recentRoles.agencyName, lastUsedAt: recentRoles.lastUsedAt })
    .from(recentRoles)
    .where(ownedBy(recentRoles, principal))
    .orderBy(desc(recentRoles.lastUsedAt))
    .limit(RECENT_ROLES_SHOWN);
  return rows.filter((r) => check(assumeRequest(principal, r.accountName, r.agencyName)).allowed);
}

/** Agency names of `accountName` that trust the caller's own account and are still valid; empty for anything else. */
export async function suggestAgencies(db: Db, caller: Caller, accountName: string): Promise<string[]> {
  const principal = ownAccountCaller(caller);
  const name = accountName.trim();
  if (name === "" || name.length > 64) return [];
  const decision = await authorize(db, principal, assumeRequest(principal, name, "*"));
  if (!decision.allowed) return [];
  const rows = await db
    .select({ name: agencies.name, expiresAt: agencies.expiresAt, accountName: accounts.name })
    .from(agencies)
    .innerJoin(accounts, eq(accounts.id, agencies.accountId))
    .where(and(sql`lower(${accounts.name}) = lower(${name})`, eq(agencies.delegatedAccountId, principal.accountId)))
    .orderBy(agencies.name)
    .limit(50);
  const realName = rows[0]?.accountName;
  if (realName !== undefined && realName !== name && !(await authorize(db, principal, assumeRequest(principal, realName, "*"))).allowed) return [];
  const now = new Date();
  return rows.filter((r) => !isExpired(r.expiresAt, now)).map((r) => r.name);
}

/** The delegating account's view: sessions currently using one of its agencies. */
export async function listActiveRoleSessions(db: Db, caller: Caller, rawAgencyId: unknown) {
  const agencyId = validate(id("agency"), rawAgencyId);
  const [agency] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.accountId, caller.accountId)));
  if (agency === undefined) throw new DomainError("agency.not_found");
  await requireAllowed(db, caller, {
    action: "iam:agencies:get",
    resource: urn("iam", null, caller.accountId, "agency", agency.name),
    target: `agency ${agency.name}`,
  });
  const principalAccount = sql<string>`(select name from ${accounts} where ${accounts.id} = ${roleSessions.principalAccountId})`;
  return db
    .select({ id: roleSessions.id, startedAt: roleSessions.startedAt, lastSeenAt: roleSessions.lastSeenAt, principalAccount, userName: users.name })
    .from(roleSessions)
    .leftJoin(users, eq(users.id, roleSessions.principalUserId))
    .where(
      and(
        eq(roleSessions.agencyId, agency.id),
        isNull(roleSessions.endedAt),
        gt(roleSessions.startedAt, new Date(Date.now() - LOGIN_MAX_AGE_MS)),
        or(isNull(roleSessions.expiresAt), gt(roleSessions.expiresAt, new Date())),
      ),
    )
    .orderBy(desc(roleSessions.startedAt));
}

export const endRoleSessionAsOwner = command({
  action: "iam:agencies:revokeSession",
  input: endRoleSessionInput,
  async run({ caller, change }, input): Promise<void> {
    await change(async (tx, guard) => {
      const [row] = await tx
        .select({ session: roleSessions, agencyName: agencies.name })
        .from(roleSessions)
        .innerJoin(agencies, eq(agencies.id, roleSessions.agencyId))
        .where(
          and(
            eq(roleSessions.id, input.roleSessionId),
            eq(roleSessions.agencyId, input.agencyId),
            eq(agencies.accountId, caller.accountId),
            isNull(roleSessions.endedAt),
          ),
        );
      if (row === undefined) throw new DomainError("role.session_not_found");
      const request: GuardedRequest = {
        action: "iam:agencies:revokeSession",
        resource: urn("iam", null, caller.accountId, "agency", row.agencyName),
        target: `agency ${row.agencyName}`,
        detail: { roleSessionId: row.session.id },
      };
      await guard(request);
      // A switched role ends only its own session, with Switch Back.
      assertNotSwitched(caller, guard, request);
      await tx.update(roleSessions).set({ endedAt: new Date(), endedReason: "ended_by_owner" }).where(eq(roleSessions.id, row.session.id));
    });
  },
});
