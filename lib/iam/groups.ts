import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { groupGrants, groupMembers, groups, identityProviders, policies, users } from "@/db/schema";
import { authorize, groupGrantsOf, type GuardedRequest, requireAllowed, toScope } from "@/lib/authz/authorize";
import { assertMayHandOn, assertPowerNotGrown, liftedBy, liftedByRescope, powerBefore } from "@/lib/authz/escalation";
import type { Grant } from "@/lib/authz/engine";
import type { Lending } from "@/lib/authz/hand-on";
import type { PolicyDocument } from "@/lib/policy/document";
import { fittedScopes } from "@/lib/policy/fitted-scopes";
import { urn } from "@/lib/authz/urn";
import { type Caller, userLabel } from "@/lib/caller";
import { resolveScopeValues } from "@/lib/catalogue";
import { DomainError } from "@/lib/errors";
import { findPolicy } from "@/lib/iam/policies";
import { createGroupInput, grantInput, groupIdInput, membershipInput, revokeGrantInput } from "@/lib/iam/schemas";
import { findUser } from "@/lib/iam/users";
import { id, isUniqueViolation, validate } from "@/lib/validation";
import { command } from "@/lib/authz/command";

export const groupUrn = (caller: Caller, name: string) => urn("iam", null, caller.accountId, "group", name);

/** The account's groups with these names, whatever their letter case, keyed by lower-case name. */
export async function groupsNamedIn(db: Db, accountId: string, names: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.accountId, accountId), inArray(sql`lower(${groups.name})`, [...new Set(names.map((n) => n.toLowerCase()))])));
  return new Map(rows.map((g) => [g.name.toLowerCase(), g]));
}

export async function listGroups(db: Db, caller: Caller) {
  await requireAllowed(db, caller, { action: "iam:groups:list", resource: groupUrn(caller, "*"), target: "user groups" });
  const memberCounts = db
    .select({ groupId: groupMembers.groupId, members: count().as("members") })
    .from(groupMembers)
    .groupBy(groupMembers.groupId)
    .as("member_counts");
  const rows = await db
    .select({ group: groups, members: memberCounts.members })
    .from(groups)
    .leftJoin(memberCounts, eq(memberCounts.groupId, groups.id))
    .where(eq(groups.accountId, caller.accountId))
    .orderBy(asc(groups.name));
  return rows.map((r) => ({ ...r.group, members: Number(r.members ?? 0) }));
}

/** Groups to offer in a picker: empty, without recording a denial, when the caller may not list them. */
export async function groupChoices(db: Db, caller: Caller): Promise<{ id: string; name: string }[]> {
  const decision = await authorize(db, caller, { action: "iam:groups:list", resource: groupUrn(caller, "*") });
  if (!decision.allowed) return [];
  return db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.accountId, caller.accountId)).orderBy(asc(groups.name));
}

/** `lock` inside a change: members and grants of one group change one transaction at a time. */
async function findGroup(db: Db, caller: Caller, groupId: string, lock?: "update") {
  const query = db
    .select()
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.accountId, caller.accountId)));
  const [group] = lock === undefined ? await query : await query.for(lock);
  if (group === undefined) throw new DomainError("group.not_found", { field: "groupId" });
  return group;
}

export async function getGroup(db: Db, caller: Caller, rawId: unknown) {
  const groupId = validate(id("userGroup"), rawId);
  const group = await findGroup(db, caller, groupId);
  await requireAllowed(db, caller, { action: "iam:groups:get", resource: groupUrn(caller, group.name), target: `user group ${group.name}` });
  const members = await db
    .select({ id: users.id, name: users.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(eq(groupMembers.groupId, group.id))
    .orderBy(asc(users.name));
  const grants = await db
    .select({ grant: groupGrants, policyName: policies.name, policyKind: policies.kind })
    .from(groupGrants)
    .innerJoin(policies, eq(policies.id, groupGrants.policyId))
    .where(eq(groupGrants.groupId, group.id))
    .orderBy(asc(policies.name));
  return { group, members, grants: grants.map((g) => ({ ...g.grant, policyName: g.policyName, policyKind: g.policyKind })) };
}

const liftedFrom = (lendings: Lending[]) => lendings.flatMap((l) => liftedBy(l.policyName, l.document, l.scope));

export const createGroup = command({
  action: "iam:groups:create",
  input: createGroupInput,
  async run({ caller, change }, input) {
    return change(async (tx, guard) => {
      await guard({ action: "iam:groups:create", resource: groupUrn(caller, input.name), target: `user group ${input.name}` });
      try {
        const [created] = await tx
          .insert(groups)
          .values({ accountId: caller.accountId, name: input.name, description: input.description })
          .returning({ id: groups.id, name: groups.name });
        return created!;
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError("group.name_taken", { field: "name" });
        throw error;
      }
    });
  },
});

export const deleteGroup = command({
  action: "iam:groups:delete",
  input: groupIdInput,
  async run({ caller, change }, { groupId }) {
    await change(async (tx, guard) => {
      const group = await findGroup(tx, caller, groupId, "update");
      const request: GuardedRequest = { action: "iam:groups:delete", resource: groupUrn(caller, group.name), target: `user group ${group.name}` };
      await guard(request);
      // Its members lose its Deny statements with it.
      await assertMayHandOn(tx, caller, guard, request, liftedFrom(await groupGrantsOf(tx, caller.accountId, group.id)));
      const before = await powerBefore(tx, caller);
      await tx.delete(groups).where(and(eq(groups.id, group.id), eq(groups.accountId, caller.accountId)));
      await assertPowerNotGrown(tx, caller, before, guard, request);
    });
  },
});

/**
 * Adding and removing a member: what the user gains or loses with the group is handed on, so the
 * caller must hold it (`handedOn` picks it from the group's grants).
 */
async function providerNameOf(tx: Tx, providerId: string): Promise<string | null> {
  const [row] = await tx.select({ name: identityProviders.name }).from(identityProviders).where(eq(identityProviders.id, providerId));
  return row?.name ?? null;
}

const membershipChange = (
  action: "iam:groups:addUser" | "iam:groups:removeUser",
  handedOn: (grants: Grant[]) => Lending[],
  write: (tx: Tx, groupId: string, userId: string) => Promise<unknown>,
  // A federated user's groups are the rules' to give, but an administrator may take one away at once.
  orFederated = false,
) =>
  command({
    action,
    input: membershipInput,
    async run({ caller, change }, input) {
      await change(async (tx, guard) => {
        const group = await findGroup(tx, caller, input.groupId, "update");
        const user = await findUser(tx, caller, input.userId, { orFederated });
        const provider = user.providerId === null ? null : await providerNameOf(tx, user.providerId);
        const named = userLabel(user.name, provider);
        const request: GuardedRequest = { action, resource: groupUrn(caller, group.name), target: `user group ${group.name}`, detail: { user: named } };
        await guard(request);
        await assertMayHandOn(tx, caller, guard, request, handedOn(await groupGrantsOf(tx, caller.accountId, group.id)), "groupId");
        const before = await powerBefore(tx, caller);
        await write(tx, group.id, user.id);
        await assertPowerNotGrown(tx, caller, before, guard, request);
      });
    },
  });

// A new member receives everything the group grants (also when adding itself).
export const addUserToGroup = membershipChange(
  "iam:groups:addUser",
  (grants) => grants,
  async (tx, groupId, userId) => {
    try {
      await tx.insert(groupMembers).values({ groupId, userId });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("user.already_member", { field: "groupId" });
      throw error;
    }
  },
);

// Leaving a group also leaves its Deny statements behind.
export const removeUserFromGroup = membershipChange(
  "iam:groups:removeUser",
  liftedFrom,
  (tx, groupId, userId) => tx.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId))),
  true,
);

export const grantPolicyToGroup = command({
  action: "iam:permissions:grantRoleToGroup",
  input: grantInput,
  async run({ caller, change }, input) {
    await change(async (tx, guard) => {
      const group = await findGroup(tx, caller, input.groupId, "update");
      const policy = await findPolicy(tx, caller, input.policyId, "share");
      const scopeValues = await resolveScopeValues(tx, caller, input.scopeKind, input.regions, input.projects);
      const request: GuardedRequest = {
        action: "iam:permissions:grantRoleToGroup",
        resource: groupUrn(caller, group.name),
        target: `user group ${group.name}`,
        detail: { policy: policy.name, scope: input.scopeKind, scopeValues },
      };
      await guard(request);
      fittedScopes([policy], input.scopeKind, scopeValues);
      const document = policy.document as PolicyDocument;
      const scope = toScope(input.scopeKind, scopeValues);
      const [existing] = await tx
        .select()
        .from(groupGrants)
        .where(and(eq(groupGrants.groupId, group.id), eq(groupGrants.policyId, policy.id)));
      const lifted =
        existing === undefined ? [] : await liftedByRescope(tx, caller, policy.name, document, toScope(existing.scopeKind, existing.scopeValues), scope);
      await assertMayHandOn(tx, caller, guard, request, [{ policyName: policy.name, document, scope }, ...lifted], "policyId");
      const before = await powerBefore(tx, caller);
      // Granting a policy the group already holds replaces its scope.
      await tx
        .insert(groupGrants)
        .values({ accountId: caller.accountId, groupId: group.id, policyId: policy.id, scopeKind: input.scopeKind, scopeValues })
        .onConflictDoUpdate({ target: [groupGrants.groupId, groupGrants.policyId], set: { scopeKind: input.scopeKind, scopeValues } });
      await assertPowerNotGrown(tx, caller, before, guard, request);
    });
  },
});

export const revokeGrant = command({
  action: "iam:permissions:revokeRoleFromGroup",
  input: revokeGrantInput,
  async run({ caller, change }, { grantId }) {
    await change(async (tx, guard) => {
      const [row] = await tx
        .select({ grant: groupGrants, groupName: groups.name, policyName: policies.name, document: policies.document })
        .from(groupGrants)
        .innerJoin(groups, eq(groups.id, groupGrants.groupId))
        .innerJoin(policies, eq(policies.id, groupGrants.policyId))
        .where(and(eq(groupGrants.id, grantId), eq(groupGrants.accountId, caller.accountId)));
      if (row === undefined) throw new DomainError("grant.not_found");
      const request: GuardedRequest = {
        action: "iam:permissions:revokeRoleFromGroup",
        resource: groupUrn(caller, row.groupName),
        target: `user group ${row.groupName}`,
        detail: { policy: row.policyName },
      };
      await guard(request);
      const scope = toScope(row.grant.scopeKind, row.grant.scopeValues);
      await assertMayHandOn(tx, caller, guard, request, liftedBy(row.policyName, row.document as PolicyDocument, scope));
      const before = await powerBefore(tx, caller);
      await tx.delete(groupGrants).where(eq(groupGrants.id, row.grant.id));
      await assertPowerNotGrown(tx, caller, before, guard, request);
    });
  },
});
