/**
 * The rules that keep delegated power from growing, bound to the database. Every action that
 * attaches, grants, lends or lifts a permission calls these inside its `mutate` transaction, after
 * the engine has allowed the action itself:
 * - hand on only what you hold (root excepted);
 * - IAM management only from root or a holder of all of IAM (Security Administrator);
 * - no re-delegation: a switched role never manages agencies or sessions of the account it is in;
 * - and, as a last net, the caller's own power never grows through its own change.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { enterpriseProjects, regions } from "@/db/schema";
import { auditDenied, callerContext, grantsFor, type Guard, type GuardedRequest } from "@/lib/authz/authorize";
import { evaluate, type Grant, type Scope } from "@/lib/authz/engine";
import { findShortfall, iamManagementIn, restrictionsOf, scopeCovers, type Lending, type Shortfall, type Universe } from "@/lib/authz/hand-on";
import { SECURITY_ADMINISTRATOR } from "@/lib/authz/system-policies";
import { isRoot, ownAccountCaller, type Caller } from "@/lib/caller";
import { AccessDeniedError } from "@/lib/errors";
import type { PolicyDocument, Statement } from "@/lib/policy/document";
import { type Phrase, phrase, term } from "@/lib/i18n/message";

export async function universeOf(db: Db, accountId: string): Promise<Universe> {
  const regionRows = await db.select({ id: regions.id }).from(regions);
  const projectRows = await db.select({ id: enterpriseProjects.id }).from(enterpriseProjects).where(eq(enterpriseProjects.accountId, accountId));
  return { regions: regionRows.map((r) => r.id), projects: projectRows.map((p) => p.id) };
}

export function describeScope(scope: Scope): Phrase {
  if (scope.kind === "regions") return term("errors.scope.inRegions", { regions: scope.regions.join(", ") });
  if (scope.kind === "projects") return term("errors.scope.inProjects");
  return term(`domain.scope.${scope.kind}`);
}

const allOfIam: PolicyDocument = { Version: "1.1", Statement: [{ Effect: "Allow", Action: ["iam:*"] }] };

function handOnMessage(gap: Shortfall): string {
  const values = { policy: gap.policyName, scope: describeScope(gap.scope) };
  return gap.undecided ? phrase("errors.handOn.undecided", values) : phrase("errors.handOn.notHeld", { ...values, action: gap.action });
}

// Keys the engine answers per principal (authorize.ts `callerContext`).
const isPerPrincipal = (key: string) => key.toLowerCase() === "g:username";

/**
 * The caller's grants as they apply to the caller itself: a condition on who the principal is
 * (`g:UserName`) is decided now, so an Allow that does not hold for the caller is not held, and one
 * that does hold is held without it. The hand-on check then never counts such an Allow as held
 * merely because a lent statement carries the same condition text.
 */
export async function heldBy(db: Db, caller: Caller): Promise<Grant[]> {
  const context = callerContext(caller) ?? {};
  return (await grantsFor(db, caller)).map((grant) => ({
    ...grant,
    document: {
      ...grant.document,
      Statement: grant.document.Statement.flatMap((statement) => {
        if (statement.Effect === "Deny" || statement.Condition === undefined) return [statement];
        const ownPart: Record<string, Record<string, string[]>> = {};
        const rest: Record<string, Record<string, string[]>> = {};
        for (const [operator, keys] of Object.entries(statement.Condition)) {
          for (const [key, values] of Object.entries(keys ?? {})) {
            const into = isPerPrincipal(key) ? ownPart : rest;
            into[operator] = { ...into[operator], [key]: values };
          }
        }
        if (Object.keys(ownPart).length === 0) return [statement];
        const probe: Grant = {
          policyName: "",
          source: "",
          scope: { kind: "all" },
          document: { Version: "1.1", Statement: [{ Effect: "Allow", Action: ["*"], Condition: ownPart as Statement["Condition"] }] },
        };
        if (!evaluate([probe], { action: "probe:probe:probe", resource: "*", context }).allowed) return [];
        const { Condition: _dropped, ...unconditioned } = statement;
        return [Object.keys(rest).length === 0 ? unconditioned : { ...unconditioned, Condition: rest as Statement["Condition"] }];
      }),
    },
  }));
}

/**
 * Refuses (through `guard`, so the denial is audited) unless a non-root caller holds everything
 * `lendings` allow in their scopes, and holds all of IAM before lending any IAM management.
 */
export async function assertMayHandOn(tx: Db, caller: Caller, guard: Guard, request: GuardedRequest, lendings: Lending[], field?: string): Promise<void> {
  if (isRoot(caller) || lendings.length === 0) return;
  const holder = await heldBy(tx, caller);
  const universe = await universeOf(tx, caller.accountId);
  for (const lending of lendings) {
    const management = iamManagementIn(lending, universe);
    if (management === null) continue;
    const sa: Lending = { policyName: SECURITY_ADMINISTRATOR, document: allOfIam, scope: lending.scope };
    if (findShortfall(holder, [sa], universe) !== null) {
      guard.refuse(request, phrase("errors.handOn.iamManagement", { role: SECURITY_ADMINISTRATOR, policy: lending.policyName, action: management }), field);
    }
  }
  const gap = findShortfall(holder, lendings, universe);
  if (gap !== null) guard.refuse(request, handOnMessage(gap), field);
}

/** Lifting Deny statements hands on what they held back. */
export function liftedBy(policyName: string, document: PolicyDocument, scope: Scope): Lending[] {
  const restrictions = restrictionsOf(document);
  return restrictions === null ? [] : [{ policyName: `${policyName} (Deny)`, document: restrictions, scope }];
}

/**
 * Attaching a policy that is already attached replaces its scope: where the old scope reached and
 * the new one does not, its Deny statements are lifted.
 */
export async function liftedByRescope(tx: Db, caller: Caller, policyName: string, document: PolicyDocument, from: Scope, to: Scope): Promise<Lending[]> {
  if (restrictionsOf(document) === null || scopeCovers(to, from, await universeOf(tx, caller.accountId))) return [];
  return liftedBy(policyName, document, from);
}

/** No re-delegation: a switched role manages neither the agencies nor the role sessions of the account it acts in. */
export function redelegationRefusal(caller: Caller): string | null {
  if (!caller.agency) return null;
  return phrase("errors.role.noRedelegation", { account: caller.accountName, agency: caller.agency.name });
}

export function assertNotSwitched(caller: Caller, guard: Guard, request: GuardedRequest): void {
  const reason = redelegationRefusal(caller);
  if (reason !== null) guard.refuse(request, reason);
}

/** The same rule for checks outside `mutate` (the wizard's first step): records the refusal and throws. */
export async function requireNotSwitched(db: Db, caller: Caller, request: GuardedRequest): Promise<void> {
  const reason = redelegationRefusal(caller);
  if (reason === null) return;
  await auditDenied(db, caller, request, reason);
  throw new AccessDeniedError(request, { allowed: false, effect: "ImplicitDeny", decidedBy: null }, { reason });
}

/**
 * A switched role never mints sign-in credentials in the account it acts in (a new user's password,
 * a reset): a password outlives the role, and would keep its power after the agency ends.
 */
export function credentialsRefusal(caller: Caller): string | null {
  return caller.agency ? phrase("errors.role.noPasswords", { account: caller.accountName }) : null;
}

export function assertNoCredentialsFromRole(caller: Caller, guard: Guard, request: GuardedRequest): void {
  const reason = credentialsRefusal(caller);
  if (reason !== null) guard.refuse(request, reason);
}

/** The caller's grants before a change, for `assertPowerNotGrown`. */
export async function powerBefore(tx: Db, caller: Caller): Promise<Grant[] | null> {
  return isRoot(caller) ? null : heldBy(tx, caller);
}

/**
 * Last net, run after the change inside its transaction: the caller's own grants must not reach
 * beyond what they reached before (adding oneself to a group, lifting one's own Deny, editing a
 * policy one holds).
 */
export async function assertPowerNotGrown(tx: Db, caller: Caller, before: Grant[] | null, guard: Guard, request: GuardedRequest): Promise<void> {
  if (before === null) return;
  const after = await heldBy(tx, caller);
  const gap = findShortfall(before, after, await universeOf(tx, caller.accountId), after);
  if (gap?.undecided) guard.refuse(request, handOnMessage(gap));
  if (gap !== null) {
    guard.refuse(request, phrase("errors.handOn.wouldGrow", { action: gap.action, policy: gap.policyName }));
  }
}

/** What only root or a Security Administrator may do to another user (the words are the catalogue's `errors.onlyAdmin.<what>`). */
export type AdminOnly = "createKeys" | "changeKeys" | "setPassword";

/** Only root or a holder of all of IAM (Security Administrator) may do `request`; `what` says why it matters. */
export async function assertSecurityAdministrator(tx: Db, caller: Caller, guard: Guard, request: GuardedRequest, what: AdminOnly): Promise<void> {
  if (isRoot(caller)) return;
  const sa: Lending = { policyName: SECURITY_ADMINISTRATOR, document: allOfIam, scope: { kind: "global" } };
  if (findShortfall(await heldBy(tx, caller), [sa], await universeOf(tx, caller.accountId)) !== null) {
    guard.refuse(request, phrase(`errors.onlyAdmin.${what}`, { role: SECURITY_ADMINISTRATOR }));
  }
}

/**
 * Taking over what makes a principal a user (setting its password, its access keys): only root or a
 * Security Administrator, and only for a user who holds no more than the caller.
 */
export async function assertMayActAsUser(tx: Db, caller: Caller, guard: Guard, request: GuardedRequest, user: { id: string; name: string }, what: AdminOnly) {
  await assertSecurityAdministrator(tx, caller, guard, request, what);
  // A caller of its own: the acting caller's request memo holds its grants, not the user's.
  const target: Caller = { ...ownAccountCaller(caller), userId: user.id, userName: user.name };
  await assertMayHandOn(tx, caller, guard, request, await grantsFor(tx, target), "userId");
}
