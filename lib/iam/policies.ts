import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agencyPermissions, groupGrants, policies } from "@/db/schema";
import { authorize, type GuardedRequest, requireAllowed, toScope } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { assertMayHandOn, assertPowerNotGrown, liftedBy, powerBefore } from "@/lib/authz/escalation";
import type { Lending } from "@/lib/authz/hand-on";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { policyIdInput, policyInput, updatePolicyInput } from "@/lib/iam/schemas";
import type { PolicyDocument } from "@/lib/policy/document";
import { policyReach } from "@/lib/policy/reach";
import { id, isUniqueViolation, validate } from "@/lib/validation";
import { phrase } from "@/lib/i18n/message";

const policyUrn = (caller: Caller, name: string) => urn("iam", null, caller.accountId, "policy", name);

/** System policies are visible to every account; custom ones only to their own. */
const visibleTo = (caller: Caller) => or(isNull(policies.accountId), eq(policies.accountId, caller.accountId));

export async function listPolicies(db: Db, caller: Caller) {
  await requireAllowed(db, caller, { action: "iam:policies:list", resource: policyUrn(caller, "*"), target: "policies" });
  return db.select().from(policies).where(visibleTo(caller)).orderBy(asc(policies.kind), asc(policies.name));
}

/**
 * Policies to offer in a picker: the system catalogue, plus the account's custom policies when the
 * caller may list them (checked quietly: a picker is not an attempt worth an audit event).
 */
/** For the Create Custom Policy page: refuses (audited, with the reason) a caller who could not save one. */
export async function requirePolicyCreation(db: Db, caller: Caller): Promise<void> {
  await requireAllowed(db, caller, { action: "iam:policies:create", resource: policyUrn(caller, "*"), target: "policies" });
}

export async function attachablePolicies(db: Db, caller: Caller) {
  const decision = await authorize(db, caller, { action: "iam:policies:list", resource: policyUrn(caller, "*") });
  const rows = await db
    .select({ id: policies.id, name: policies.name, kind: policies.kind, description: policies.description, document: policies.document })
    .from(policies)
    .where(decision.allowed ? visibleTo(caller) : isNull(policies.accountId))
    .orderBy(asc(policies.kind), asc(policies.name));
  // Where each can act, so the forms offer only the scopes that fit; the document itself stays on the server.
  return rows.map(({ document, ...p }) => ({ ...p, reach: policyReach(document as PolicyDocument) }));
}

/**
 * `lock` inside a change: "share" where the policy is attached (so its document cannot change
 * until the attachment commits), "update" where the document changes (so no attachment slips in
 * between the hand-on check and the write).
 */
export async function findPolicy(db: Db, caller: Caller, policyId: string, lock?: "share" | "update") {
  const query = db
    .select()
    .from(policies)
    .where(and(eq(policies.id, policyId), visibleTo(caller)));
  const [policy] = lock === undefined ? await query : await query.for(lock);
  if (policy === undefined) throw new DomainError("policy.not_found", { field: "policyId" });
  return policy;
}

export async function getPolicy(db: Db, caller: Caller, rawId: unknown) {
  const policyId = validate(id("policy"), rawId);
  const policy = await findPolicy(db, caller, policyId);
  await requireAllowed(db, caller, { action: "iam:policies:get", resource: policyUrn(caller, policy.name), target: `policy ${policy.name}` });
  return policy;
}

// System policies live outside every account, so the unique index cannot see a clash with one.
async function assertNotSystemName(db: Db, name: string) {
  const [clash] = await db
    .select({ id: policies.id })
    .from(policies)
    .where(and(isNull(policies.accountId), sql`lower(${policies.name}) = lower(${name})`));
  if (clash !== undefined) throw new DomainError("policy.name_taken", { field: "name", message: phrase("errors.policy.system_name_taken") });
}

async function storeNamed<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("policy.name_taken", { field: "name" });
    throw error;
  }
}

export const createPolicy = command({
  action: "iam:policies:create",
  input: policyInput,
  async run({ caller, change }, input) {
    return change(async (tx, guard) => {
      await guard({ action: "iam:policies:create", resource: policyUrn(caller, input.name), target: `policy ${input.name}` });
      await assertNotSystemName(tx, input.name);
      const [created] = await storeNamed(() =>
        tx
          .insert(policies)
          .values({ accountId: caller.accountId, name: input.name, kind: "custom", description: input.description, document: input.document })
          .returning({ id: policies.id, name: policies.name }),
      );
      return created!;
    });
  },
});

async function findCustomPolicy(db: Db, caller: Caller, policyId: string) {
  const policy = await findPolicy(db, caller, policyId, "update");
  if (policy.accountId === null) throw new DomainError("policy.system_readonly");
  return policy;
}

export const updatePolicy = command({
  action: "iam:policies:update",
  input: updatePolicyInput,
  async run({ caller, change }, input) {
    await change(async (tx, guard) => {
      const policy = await findCustomPolicy(tx, caller, input.policyId);
      const request: GuardedRequest = {
        action: "iam:policies:update",
        resource: policyUrn(caller, policy.name),
        target: `policy ${policy.name}`,
        detail: input.name === policy.name ? {} : { renamedTo: input.name },
      };
      await guard(request);
      await assertNotSystemName(tx, input.name);
      const attachments = await attachmentsOf(tx, policy.id);
      // Editing a policy an agency holds changes that agency's permissions: re-delegation, whichever agency it is.
      if (caller.agency && attachments.some((a) => a.agencyId !== null)) {
        const own = attachments.some((a) => a.agencyId === caller.agency!.id);
        const reason = own
          ? phrase("errors.role.noOwnAgencyChange", { policy: policy.name, agency: caller.agency.name })
          : phrase("errors.role.noAgencyPolicyChange", { policy: policy.name, account: caller.accountName });
        guard.refuse(request, reason, "document");
      }
      // The new document takes effect wherever the policy is attached, so it is handed on there.
      const lifted = droppedDenies(policy.document as PolicyDocument, input.document);
      const lendings: Lending[] = attachments.flatMap((a) => {
        const scope = toScope(a.scopeKind, a.scopeValues);
        return [{ policyName: input.name, document: input.document, scope }, ...(lifted === null ? [] : liftedBy(input.name, lifted, scope))];
      });
      await assertMayHandOn(tx, caller, guard, request, lendings, "document");
      const before = await powerBefore(tx, caller);
      await storeNamed(() =>
        tx
          .update(policies)
          .set({ name: input.name, description: input.description, document: input.document, updatedAt: new Date() })
          .where(and(eq(policies.id, policy.id), eq(policies.accountId, caller.accountId))),
      );
      await assertPowerNotGrown(tx, caller, before, guard, request);
    });
  },
});

/** Where a policy is in force: its group grants and agency permissions, with their scopes. */
async function attachmentsOf(tx: Db, policyId: string) {
  const grants = await tx
    .select({ scopeKind: groupGrants.scopeKind, scopeValues: groupGrants.scopeValues })
    .from(groupGrants)
    .where(eq(groupGrants.policyId, policyId));
  const lent = await tx
    .select({ agencyId: agencyPermissions.agencyId, scopeKind: agencyPermissions.scopeKind, scopeValues: agencyPermissions.scopeValues })
    .from(agencyPermissions)
    .where(eq(agencyPermissions.policyId, policyId));
  return [...grants.map((g) => ({ ...g, agencyId: null as string | null })), ...lent];
}

/** Deny statements of the old document that the new one no longer has: removing them lifts a restriction. */
function droppedDenies(previous: PolicyDocument, next: PolicyDocument): PolicyDocument | null {
  const kept = new Set(next.Statement.filter((s) => s.Effect === "Deny").map((s) => JSON.stringify(s)));
  const dropped = previous.Statement.filter((s) => s.Effect === "Deny" && !kept.has(JSON.stringify(s)));
  return dropped.length === 0 ? null : { Version: "1.1", Statement: dropped };
}

export const deletePolicy = command({
  action: "iam:policies:delete",
  input: policyIdInput,
  async run({ caller, change }, { policyId }) {
    await change(async (tx, guard) => {
      const policy = await findCustomPolicy(tx, caller, policyId);
      await guard({ action: "iam:policies:delete", resource: policyUrn(caller, policy.name), target: `policy ${policy.name}` });
      const [usedByGroup] = await tx.select({ id: groupGrants.id }).from(groupGrants).where(eq(groupGrants.policyId, policy.id)).limit(1);
      const [usedByAgency] = await tx.select({ id: agencyPermissions.id }).from(agencyPermissions).where(eq(agencyPermissions.policyId, policy.id)).limit(1);
      if (usedByGroup !== undefined || usedByAgency !== undefined) throw new DomainError("policy.in_use");
      await tx.delete(policies).where(and(eq(policies.id, policy.id), eq(policies.accountId, caller.accountId)));
    });
  },
});

export function formatDocument(document: unknown): string {
  return JSON.stringify(document as PolicyDocument, null, 2);
}
