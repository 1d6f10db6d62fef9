/**
 * The engine bound to the database: loads the caller's grants and decides. Every domain read and
 * write goes through `authorizer`, `requireAllowed` or `mutate`.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agencyPermissions, groupGrants, groupMembers, groups, policies } from "@/db/schema";
import { recordEvent } from "@/lib/audit";
import type { AuthzRequest, Decision, Grant, Scope } from "@/lib/authz/engine";
import { evaluate, explainDecision, rootDecision } from "@/lib/authz/engine";
import type { Caller } from "@/lib/caller";
import { isRoot } from "@/lib/caller";
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
    source: `agency ${agencyName}`,
  }));
}

/** The grants of one user group (for the policy simulator). */
export async function groupGrantsOf(db: Db, accountId: string, groupId: string): Promise<Grant[]> {
  const rows = await db
    .select({ policyName: policies.name, document: policies.document, scopeKind: groupGrants.scopeKind, scopeValues: groupGrants.scopeValues, groupName: groups.name })
    .from(groupGrants)
    .innerJoin(groups, eq(groups.id, groupGrants.groupId))
    .innerJoin(policies, eq(policies.id, groupGrants.policyId))
    .where(and(eq(groupGrants.groupId, groupId), eq(groupGrants.accountId, accountId)));
  return rows.map((r) => ({ policyName: r.policyName, document: r.document as PolicyDocument, scope: toScope(r.scopeKind, r.scopeValues), source: `group ${r.groupName}` }));
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
    source: `group ${r.groupName}`,
  }));
}

/** Loads the caller's grants once and decides any number of requests with them (for filtering lists). */
export async function authorizer(db: Db, caller: Caller): Promise<(request: AuthzRequest) => Decision> {
  if (isRoot(caller)) {
    const decision = rootDecision(caller.accountName);
    return () => decision;
  }
  const grants = await grantsFor(db, caller);
  return (request) => evaluate(grants, request);
}

export async function authorize(db: Db, caller: Caller, request: AuthzRequest): Promise<Decision> {
  return (await authorizer(db, caller))(request);
}

export interface GuardedRequest extends AuthzRequest {
  /** Human-readable target for the audit trail, e.g. `ECS instance web-01`. */
  target: string;
  detail?: Record<string, unknown>;
}

async function recordDenial(db: Db, caller: Caller, error: AccessDeniedError, target: string, detail?: Record<string, unknown>) {
  await db.transaction((tx) =>
    recordEvent(tx, caller, {
      action: error.request.action,
      target,
      decision: "deny",
      detail: { ...detail, resource: error.request.resource, reason: error.reason ?? explainDecision(error.decision) },
    }),
  );
}

/**
 * For reads: throws AccessDeniedError (after recording the denied attempt) unless allowed. Pass the
 * `check` of an `authorizer` already made for this caller to avoid loading its grants twice.
 */
export async function requireAllowed(db: Db, caller: Caller, request: GuardedRequest, check?: (request: AuthzRequest) => Decision): Promise<Decision> {
  const decision = check ? check(request) : await authorize(db, caller, request);
  if (decision.allowed) return decision;
  const error = new AccessDeniedError(request, decision);
  await recordDenial(db, caller, error, request.target, request.detail);
  throw error;
}

/** For reads that several permissions open (any one suffices); records a denial when none does. */
export async function requireAnyAllowed(db: Db, caller: Caller, actions: string[], request: Omit<GuardedRequest, "action">): Promise<Decision> {
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
}

const notDecided: Decision = { allowed: false, effect: "ImplicitDeny", decidedBy: null };

/**
 * Runs a change in one transaction. `fn` calls `guard` for every action it performs before
 * writing; each allowed request becomes an audit event committed with the change. A denial rolls
 * the change back and is recorded on its own, since nothing else was written.
 */
export async function mutate<T>(db: Db, caller: Caller, fn: (tx: Tx, guard: Guard) => Promise<T>): Promise<T> {
  let denied: GuardedRequest | undefined;
  try {
    return await db.transaction(async (tx) => {
      const allowed: GuardedRequest[] = [];
      const check = await authorizer(tx, caller);
      const guard: Guard = Object.assign(
        async (request: GuardedRequest) => {
          const decision = check(request);
          if (!decision.allowed) {
            denied = request;
            throw new AccessDeniedError(request, decision);
          }
          allowed.push(request);
        },
        {
          refuse(request: GuardedRequest, reason: string, field?: string): never {
            denied = request;
            throw new AccessDeniedError(request, notDecided, { reason, field });
          },
        },
      );
      const value = await fn(tx, guard);
      if (allowed.length === 0) throw new Error("A change ran without an authorization check.");
      for (const request of allowed) {
        await recordEvent(tx, caller, {
          action: request.action,
          target: request.target,
          decision: "allow",
          detail: { ...request.detail, resource: request.resource },
        });
      }
      return value;
    });
  } catch (error) {
    if (error instanceof AccessDeniedError && denied !== undefined) {
      await recordDenial(db, caller, error, denied.target, denied.detail);
    }
    throw error;
  }
}
