/** An agency's permissions: (policy, scope) pairs, attached, rescoped and removed under the agency's lock. */
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agencies, agencyPermissions, policies, type Agency } from "@/db/schema";
import { agencyPermissionInput, agencyRoleInput, removeAgencyPermissionInput } from "@/lib/agencies/schemas";
import { type Guard, type GuardedRequest, toScope } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { assertMayHandOn, assertNotSwitched, liftedBy, liftedByRescope } from "@/lib/authz/escalation";
import type { Lending } from "@/lib/authz/hand-on";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { resolveScopeValues } from "@/lib/catalogue";
import { DomainError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import type { PolicyDocument } from "@/lib/policy/document";
import { fittedScopes } from "@/lib/policy/fitted-scopes";
import type { ScopeKind } from "@/lib/scope";
import { phrase } from "@/lib/i18n/message";

export const agencyUrn = (caller: Caller, name: string) => urn("iam", null, caller.accountId, "agency", name);

export async function agencyPermissionsOf(db: Db, agencyId: string) {
  return db
    .select({
      id: agencyPermissions.id,
      policyId: policies.id,
      policyName: policies.name,
      policyKind: policies.kind,
      document: policies.document,
      scopeKind: agencyPermissions.scopeKind,
      scopeValues: agencyPermissions.scopeValues,
    })
    .from(agencyPermissions)
    .innerJoin(policies, eq(policies.id, agencyPermissions.policyId))
    .where(eq(agencyPermissions.agencyId, agencyId))
    .orderBy(asc(policies.name));
}

/** The policies a caller may attach: system ones and the acting account's custom ones. */
export async function attachable(db: Db, caller: Caller, policyIds: string[]) {
  const unique = [...new Set(policyIds)];
  const found = await db
    .select({ id: policies.id, name: policies.name, document: policies.document })
    .from(policies)
    .where(and(inArray(policies.id, unique), or(isNull(policies.accountId), eq(policies.accountId, caller.accountId))))
    // Their documents stay as checked until the agency's permissions commit (see findPolicy).
    .for("share");
  if (found.length !== unique.length) throw new DomainError("policy.not_found", { field: "policyIds" });
  return found;
}

export const lendingsOf = (fitted: { policy: { name: string; document: unknown }; scopeKind: string; scopeValues: string[] }[]): Lending[] =>
  fitted.map(({ policy, scopeKind, scopeValues }) => ({
    policyName: policy.name,
    document: policy.document as PolicyDocument,
    scope: toScope(scopeKind, scopeValues),
  }));

/** The agency, locked until the change commits: concurrent changes to its permissions (or its deletion) wait their turn. */
async function lockedAgency(tx: Tx, caller: Caller, agencyId: string): Promise<Agency> {
  const [agency] = await tx
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.accountId, caller.accountId)))
    .for("update");
  if (agency === undefined) throw new DomainError("agency.not_found");
  return agency;
}

async function attachPermissions(
  tx: Tx,
  guard: Guard,
  caller: Caller,
  agency: Agency,
  input: { policyIds: string[]; scopeKind: ScopeKind; regions: string[]; projects: string[] },
): Promise<{ agencyName: string; policies: string[] }> {
  const attached = await attachable(tx, caller, input.policyIds);
  const scopeValues = await resolveScopeValues(tx, caller, input.scopeKind, input.regions, input.projects);
  const request: GuardedRequest = {
    action: "iam:agencies:update",
    resource: agencyUrn(caller, agency.name),
    target: `agency ${agency.name}`,
    detail: { added: attached.map((p) => p.name), scope: input.scopeKind, scopeValues },
  };
  await guard(request);
  assertNotSwitched(caller, guard, request);
  const fitted = fittedScopes(attached, input.scopeKind, scopeValues);
  const held = await agencyPermissionsOf(tx, agency.id);
  const lifted: Lending[] = [];
  for (const { policy, scopeKind, scopeValues: values } of fitted) {
    const existing = held.find((p) => p.policyId === policy.id);
    if (existing !== undefined) {
      const before = toScope(existing.scopeKind, existing.scopeValues);
      lifted.push(...(await liftedByRescope(tx, caller, policy.name, policy.document as PolicyDocument, before, toScope(scopeKind, values))));
    }
  }
  await assertMayHandOn(tx, caller, guard, request, [...lendingsOf(fitted), ...lifted], "policyIds");
  for (const { policy, ...scope } of fitted) {
    // Attaching a policy the agency already holds replaces its scope.
    await tx
      .insert(agencyPermissions)
      .values({ agencyId: agency.id, policyId: policy.id, ...scope })
      .onConflictDoUpdate({ target: [agencyPermissions.agencyId, agencyPermissions.policyId], set: scope });
  }
  await tx.update(agencies).set({ updatedAt: new Date() }).where(eq(agencies.id, agency.id));
  const added = attached.map((p) => p.name);
  await notify(tx, agency.delegatedAccountId, "agency_changed", { fromAccountName: caller.accountName, subject: agency.name, detail: { added } });
  return { agencyName: agency.name, policies: added };
}

async function detachPermission(
  tx: Tx,
  guard: Guard,
  caller: Caller,
  agency: Agency,
  permissionId: string,
): Promise<{ agencyName: string; policyName: string }> {
  const permissions = await agencyPermissionsOf(tx, agency.id);
  const target = permissions.find((p) => p.id === permissionId);
  if (target === undefined) throw new DomainError("agency.permission_not_found");
  const request: GuardedRequest = {
    action: "iam:agencies:update",
    resource: agencyUrn(caller, agency.name),
    target: `agency ${agency.name}`,
    detail: { removed: target.policyName },
  };
  await guard(request);
  assertNotSwitched(caller, guard, request);
  // The agency row is locked, so two concurrent removals cannot both leave it with no permission.
  if (permissions.length === 1) throw new DomainError("agency.last_permission");
  // Removing a policy with Deny statements frees the agency from them.
  await assertMayHandOn(
    tx,
    caller,
    guard,
    request,
    liftedBy(target.policyName, target.document as PolicyDocument, toScope(target.scopeKind, target.scopeValues)),
  );
  await tx.delete(agencyPermissions).where(eq(agencyPermissions.id, target.id));
  await tx.update(agencies).set({ updatedAt: new Date() }).where(eq(agencies.id, agency.id));
  await notify(tx, agency.delegatedAccountId, "agency_changed", {
    fromAccountName: caller.accountName,
    subject: agency.name,
    detail: { removed: target.policyName },
  });
  return { agencyName: agency.name, policyName: target.policyName };
}

export const addAgencyPermissions = command({
  action: "iam:agencies:update",
  input: agencyPermissionInput,
  async run({ caller, change }, input): Promise<{ agencyName: string; policies: string[] }> {
    return change(async (tx, guard) => attachPermissions(tx, guard, caller, await lockedAgency(tx, caller, input.agencyId), input));
  },
});

export const removeAgencyPermission = command({
  action: "iam:agencies:update",
  input: removeAgencyPermissionInput,
  async run({ caller, change }, input): Promise<{ agencyName: string; policyName: string }> {
    return change(async (tx, guard) => detachPermission(tx, guard, caller, await lockedAgency(tx, caller, input.agencyId), input.permissionId));
  },
});

/**
 * The API's grants of one role in one place (Huawei's domain, project and all-projects paths): a
 * region is added to or taken from the role's regions, another place replaces its scope. Decided on
 * the permissions as they are under the agency's lock, so concurrent grants and revocations do not
 * undo each other.
 */
export const changeAgencyRole = command({
  action: "iam:agencies:update",
  input: agencyRoleInput,
  async run({ caller, change }, input): Promise<void> {
    await change(async (tx, guard) => {
      const agency = await lockedAgency(tx, caller, input.agencyId);
      const held = (await agencyPermissionsOf(tx, agency.id)).find((p) => p.policyId === input.policyId);
      const regions = held?.scopeKind === "regions" ? held.scopeValues : [];
      const attach = (scopeKind: ScopeKind, list: string[]) =>
        attachPermissions(tx, guard, caller, agency, { policyIds: [input.policyId], scopeKind, regions: list, projects: [] });
      if (input.change === "grant") {
        await attach(input.scopeKind, input.scopeKind === "regions" ? [...new Set([...regions, input.region!])] : []);
        return;
      }
      const inPlace = held !== undefined && held.scopeKind === input.scopeKind && (input.scopeKind !== "regions" || regions.includes(input.region!));
      if (!inPlace) throw new DomainError("agency.permission_not_found", { message: phrase("errors.agency.role_not_there") });
      const remaining = regions.filter((r) => r !== input.region);
      if (input.scopeKind === "regions" && remaining.length > 0) await attach("regions", remaining);
      else await detachPermission(tx, guard, caller, agency, held.id);
    });
  },
});
