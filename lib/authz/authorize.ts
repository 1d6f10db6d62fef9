/**
 * The engine bound to the database: loads the caller's grants and decides. Every domain read and
 * write goes through `authorizer`, `requireAllowed` or `mutate`.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agencyPermissions, groupGrants, groupMembers, groups, policies } from "@/db/schema";
import { type ActionName, isSelfServiceAction, type SelfServiceAction } from "@/lib/authz/action-catalogue";
import { recordEvent } from "@/lib/authz/audit-log";
import type { AuthzRequest, Decision, Grant, Scope } from "@/lib/authz/engine";
import { evaluate, explainDecision, rootDecision } from "@/lib/authz/engine";
import type { Caller } from "@/lib/caller";
import { isRoot, userNameKey } from "@/lib/caller";
import { remedyFor } from "@/lib/authz/remedy";
import { phrase, spoken } from "@/lib/i18n/message";
import { AccessDeniedError } from "@/lib/errors";
import type { PolicyDocument } from "@/lib/policy/document";

export function toScope(kind: string, values: string[]): Scope {
  switch (kind) {
    case "regions":
      return { kind: "regions", regions: values };
    case "projects":
      return { kind: "projects", projects: values };
    case "global":
      return { kind: "global" };
    default:
      return { kind: "all" };
  }
}

/** A switched role has exactly its agency's permissions, read afresh on every request. */
export async function agencyGrants(db: Db, agencyId: string, agencyName: string): Promise<Grant[]> {
  const rows = await db
    .select({ policyName: policies.name, document: policies.document, scopeKind: agencyPermissions.scopeKind, scopeValues: agencyPermissions.scopeValues })
    .from(agencyPermissions)
    .innerJoin(policies, eq(policies.id, agencyPermissions.policyId))
    .where(eq(agencyPermissions.agencyId, agencyId));
  return rows.map((r) => ({
    policyName: r.policyName,
    document: r.document as PolicyDocument,
    scope: toScope(r.scopeKind, r.scopeValues),
    source: phrase("domain.source.agency", { name: agencyName }),
  }));
}

/** The grants of one user group (for the policy simulator). */
export async function groupGrantsOf(db: Db, accountId: string, groupId: string): Promise<Grant[]> {
  const rows = await db
    .select({
      policyName: policies.name,
      document: policies.document,
      scopeKind: groupGrants.scopeKind,
      scopeValues: groupGrants.scopeValues,
      groupName: groups.name,
    })
    .from(groupGrants)
    .innerJoin(groups, eq(groups.id, groupGrants.groupId))
    .innerJoin(policies, eq(policies.id, groupGrants.policyId))
    .where(and(eq(groupGrants.groupId, groupId), eq(groupGrants.accountId, accountId)));
  return rows.map((r) => ({
    policyName: r.policyName,
    document: r.document as PolicyDocument,
    scope: toScope(r.scopeKind, r.scopeValues),
    source: phrase("domain.source.group", { name: r.groupName }),
  }));
}

export async function grantsFor(db: Db, caller: Caller): Promise<Grant[]> {
  if (caller.agency) return agencyGrants(db, caller.agency.id, caller.agency.name);
  if (caller.userId === null) return [];
  const rows = await db
    .select({
      policyName: policies.name,
      document: policies.document,
      scopeKind: groupGrants.scopeKind,
      scopeValues: groupGrants.scopeValues,
      groupName: groups.name,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(groupGrants, eq(groupGrants.groupId, groups.id))
    .innerJoin(policies, eq(policies.id, groupGrants.policyId))
    .where(and(eq(groupMembers.userId, caller.userId), eq(groups.accountId, caller.accountId)));
  return rows.map((r) => ({
    policyName: r.policyName,
    document: r.document as PolicyDocument,
    scope: toScope(r.scopeKind, r.scopeValues),
    source: phrase("domain.source.group", { name: r.groupName }),
  }));
}

/** Loads the caller's grants once and decides any number of requests with them (for filtering lists). */
export async function authorizer(db: Db, caller: Caller): Promise<(request: AuthzRequest) => Decision> {
  if (isRoot(caller)) {
    const decision = rootDecision(caller.accountName);
    return () => decision;
  }
  const grants = await requestGrants(db, caller);
  const context = callerContext(caller);
  return (request) => evaluate(grants, context === undefined ? request : { ...request, context: { ...request.context, ...context } });
}

/**
 * Condition keys the caller itself answers: an IAM user acting in its own account has a `g:UserName`.
 * A federated user's is `<provider>/<name>`: its name comes from the provider's claims, which a person
 * may be able to set there, and the slash (never in an IAM user name) keeps it from ever reading as an
 * IAM user's.
 */
export function callerContext(caller: Caller): Record<string, string> | undefined {
  if (caller.agency || caller.userName === null) return undefined;
  return { "g:UserName": userNameKey(caller.userName, caller.federated?.provider) };
}

/**
 * A web request's caller loads its grants once however many reads ask (the memo lives on the caller
 * object, made afresh per request); a change made in the request forgets them. Callers without a
 * memo (tests, scripts) read afresh every time.
 */
function requestGrants(db: Db, caller: Caller): Promise<Grant[]> {
  const memo = caller.requestMemo;
  if (memo === undefined) return grantsFor(db, caller);
  memo.grants ??= grantsFor(db, caller).catch((error: unknown) => {
    memo.grants = undefined;
    throw error;
  });
  return memo.grants;
}

export async function authorize(db: Db, caller: Caller, request: AuthzRequest): Promise<Decision> {
  return (await authorizer(db, caller))(request);
}

export interface GuardedRequest extends AuthzRequest {
  action: ActionName;
  /** Human-readable target for the audit trail, e.g. `ECS instance web-01`. */
  target: string;
  detail?: Record<string, unknown>;
}

/** Records a refused request in a transaction of its own (the refused change wrote nothing to commit with). */
/** `reason` is a phrase (lib/i18n/message.ts): the audit trail shows it in its reader's language. */
export async function auditDenied(db: Db, caller: Caller, request: GuardedRequest, reason: string): Promise<void> {
  await db.transaction((tx) =>
    recordEvent(tx, caller, {
      action: request.action,
      target: request.target,
      decision: "deny",
      detail: { ...request.detail, resource: request.resource, reason },
    }),
  );
}

const recordDenial = (db: Db, caller: Caller, error: AccessDeniedError, request: GuardedRequest) =>
  auditDenied(db, caller, request, error.reason ?? spoken(explainDecision(error.decision)));

/**
 * A change a principal makes to itself (its own password, its own sign-ins): allowed because of who
 * asks, not by a policy, and audited in the same transaction as the change.
 */
/** `unchanged`: nothing was there to change (a sign-out of a sign-in already ended), so nothing is recorded. */
export type SelfServiceChange<T> = (tx: Tx) => Promise<{ value: T; detail?: Record<string, unknown>; unchanged?: true }>;

export async function selfService<T>(
  db: Db,
  caller: Caller,
  request: { action: SelfServiceAction; target: string; detail?: Record<string, unknown> },
  fn: SelfServiceChange<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { value, detail, unchanged } = await fn(tx);
    if (unchanged) return value;
    await recordEvent(tx, caller, { action: request.action, target: request.target, decision: "allow", detail: { ...request.detail, ...detail } });
    forgetGrants(caller);
    return value;
  });
}

/** After a change the request reads its grants afresh: the change may have been to them. */
export function forgetGrants(caller: Caller) {
  if (caller.requestMemo) caller.requestMemo.grants = undefined;
}

/**
 * For reads: throws AccessDeniedError (after recording the denied attempt) unless allowed. Pass the
 * `check` of an `authorizer` already made for this caller to avoid loading its grants twice.
 */
export async function requireAllowed(db: Db, caller: Caller, request: GuardedRequest, check?: (request: AuthzRequest) => Decision): Promise<Decision> {
  const decision = check ? check(request) : await authorize(db, caller, request);
  if (decision.allowed) return decision;
  const error = new AccessDeniedError(request, decision, undefined, remedyFor(caller.accountName, request.action));
  await recordDenial(db, caller, error, request);
  throw error;
}

/** For reads that several permissions open (any one suffices); records a denial when none does. */
export async function requireAnyAllowed(db: Db, caller: Caller, actions: readonly ActionName[], request: Omit<GuardedRequest, "action">): Promise<Decision> {
  const check = await authorizer(db, caller);
  for (const action of actions) {
    const decision = check({ ...request, action });
    if (decision.allowed) return decision;
  }
  return requireAllowed(db, caller, { ...request, action: actions[0]! }, check);
}

export interface Guard {
  (request: GuardedRequest): Promise<void>;
  /**
   * Refuses a request the engine would allow but another rule forbids (handing on more than the
   * caller holds, re-delegation): rolls the change back and records the denial with the reason.
   */
  refuse(request: GuardedRequest, reason: string, field?: string): never;
  /**
   * Writes an allowed request to another trail as well (switching role: the delegating account's),
   * or a self-service step the change takes for the principal (ending the role it switches away from).
   */
  alsoRecord(caller: Caller, request: GuardedRequest): void;
}

const notDecided: Decision = { allowed: false, effect: "ImplicitDeny", decidedBy: null };

/**
 * Runs a change in one transaction. `fn` calls `guard` for every action it performs before
 * writing; each allowed request becomes an audit event committed with the change. A denial rolls
 * the change back and is recorded on its own, since nothing else was written. With `declared`
 * (a command's actions), asking for any other action is a programming error.
 */
export async function mutate<T>(db: Db, caller: Caller, fn: (tx: Tx, guard: Guard) => Promise<T>, declared?: readonly ActionName[]): Promise<T> {
  let denied: GuardedRequest | undefined;
  const undeclared = (request: GuardedRequest) => {
    if (declared !== undefined && !declared.includes(request.action))
      throw new Error(`A command declared ${declared.join(", ")} but asked for ${request.action}.`);
  };
  try {
    const value = await db.transaction(async (tx) => {
      const allowed: [Caller, GuardedRequest][] = [];
      const check = await authorizer(tx, withoutMemo(caller));
      const guard: Guard = Object.assign(
        async (request: GuardedRequest) => {
          undeclared(request);
          const decision = check(request);
          if (!decision.allowed) {
            denied = request;
            throw new AccessDeniedError(request, decision, undefined, remedyFor(caller.accountName, request.action));
          }
          allowed.push([caller, request]);
        },
        {
          refuse(request: GuardedRequest, reason: string, field?: string): never {
            undeclared(request);
            denied = request;
            throw new AccessDeniedError(request, notDecided, { reason, field });
          },
          alsoRecord(other: Caller, request: GuardedRequest) {
            undeclared(request);
            if (!isSelfServiceAction(request.action) && !allowed.some(([, r]) => r.action === request.action)) {
              throw new Error(`${request.action} was not allowed in this change.`);
            }
            allowed.push([other, request]);
          },
        },
      );
      const value = await fn(tx, guard);
      if (allowed.length === 0) throw new Error("A change ran without an authorization check.");
      for (const [who, request] of allowed) {
        await recordEvent(tx, who, {
          action: request.action,
          target: request.target,
          decision: "allow",
          detail: { ...request.detail, resource: request.resource },
        });
      }
      return value;
    });
    forgetGrants(caller);
    return value;
  } catch (error) {
    if (error instanceof AccessDeniedError && denied !== undefined) await recordDenial(db, caller, error, denied);
    throw error;
  }
}

// Inside a change the grants are read in its transaction, never from the request's memo.
const withoutMemo = (caller: Caller): Caller => (caller.requestMemo === undefined ? caller : { ...caller, requestMemo: undefined });
