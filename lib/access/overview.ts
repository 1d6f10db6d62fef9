/** "Who can access this account" and "Where can I go": agencies and delegated-administrator registrations, both ways. */
import { and, asc, count, desc, eq, gt, inArray, isNull, max, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accounts,
  agencies,
  agencyPermissions,
  delegatedAdmins,
  enterpriseProjects,
  policies,
  resourceDirectories,
  roleSessions,
  trustedServices,
} from "@/db/schema";
import { agencyFindings } from "@/lib/access/findings";
import { isExpired } from "@/lib/agencies/validity";
import { requireAllowed } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import { ownAccountCaller, type Caller } from "@/lib/caller";
import { LOGIN_MAX_AGE_MS } from "@/lib/roles/role-sessions";
import { phrase } from "@/lib/i18n/message";

export const OVERVIEW_LIMIT = 500;

async function permissionsByAgency(db: Db, agencyIds: string[]) {
  const byAgency = new Map<string, { policyName: string; document: unknown; scopeKind: string; scopeValues: string[] }[]>();
  if (agencyIds.length === 0) return byAgency;
  const rows = await db
    .select({
      agencyId: agencyPermissions.agencyId,
      policyName: policies.name,
      document: policies.document,
      scopeKind: agencyPermissions.scopeKind,
      scopeValues: agencyPermissions.scopeValues,
    })
    .from(agencyPermissions)
    .innerJoin(policies, eq(policies.id, agencyPermissions.policyId))
    .where(inArray(agencyPermissions.agencyId, agencyIds))
    .orderBy(asc(policies.name));
  for (const { agencyId, ...p } of rows) byAgency.set(agencyId, [...(byAgency.get(agencyId) ?? []), p]);
  return byAgency;
}

export async function inboundAccess(db: Db, caller: Caller) {
  await requireAllowed(db, caller, { action: "iam:agencies:list", resource: urn("iam", null, caller.accountId, "agency", "*"), target: "access overview" });
  const now = new Date();
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(agencies).where(eq(agencies.accountId, caller.accountId));
  const rows = await db
    .select({ agency: agencies, delegatedName: accounts.name })
    .from(agencies)
    .leftJoin(accounts, eq(accounts.id, agencies.delegatedAccountId))
    .where(eq(agencies.accountId, caller.accountId))
    .orderBy(desc(agencies.createdAt))
    .limit(OVERVIEW_LIMIT);
  const ids = rows.map((r) => r.agency.id);
  const permissions = await permissionsByAgency(db, ids);
  const usage = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ agencyId: roleSessions.agencyId, lastUsedAt: max(roleSessions.startedAt) })
            .from(roleSessions)
            .where(inArray(roleSessions.agencyId, ids))
            .groupBy(roleSessions.agencyId)
        ).map((u) => [u.agencyId!, u.lastUsedAt]),
  );
  const active = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ agencyId: roleSessions.agencyId, n: count() })
            .from(roleSessions)
            .where(
              and(inArray(roleSessions.agencyId, ids), isNull(roleSessions.endedAt), gt(roleSessions.startedAt, new Date(now.getTime() - LOGIN_MAX_AGE_MS))),
            )
            .groupBy(roleSessions.agencyId)
        ).map((u) => [u.agencyId!, Number(u.n)]),
  );
  const inbound = rows.map(({ agency, delegatedName }) => {
    const perms = permissions.get(agency.id) ?? [];
    const lastUsedAt = usage.get(agency.id) ?? null;
    return {
      id: agency.id,
      name: agency.name,
      // A phrase: the page puts it into words.
      delegatedParty:
        agency.type === "account"
          ? phrase("domain.party.account", { name: delegatedName ?? "" })
          : phrase("domain.party.service", { service: agency.service ?? "" }),
      permissions: perms,
      expiresAt: agency.expiresAt,
      lastUsedAt,
      activeSessions: isExpired(agency.expiresAt, now) ? 0 : (active.get(agency.id) ?? 0),
      findings: agencyFindings(agency, perms, lastUsedAt, now),
    };
  });
  return { agencies: inbound, total: Number(total), delegatedAdmin: await registrationsInvolving(db, caller) };
}

/** Registrations the account takes part in: as management account of the directory, or as the delegated member. */
async function registrationsInvolving(db: Db, caller: Caller) {
  const rows = await db
    .select({
      service: trustedServices.name,
      memberAccountId: delegatedAdmins.accountId,
      managementAccountId: resourceDirectories.managementAccountId,
      registeredAt: delegatedAdmins.registeredAt,
    })
    .from(delegatedAdmins)
    .innerJoin(trustedServices, eq(trustedServices.principal, delegatedAdmins.servicePrincipal))
    .innerJoin(resourceDirectories, eq(resourceDirectories.id, delegatedAdmins.directoryId))
    .where(or(eq(delegatedAdmins.accountId, caller.accountId), eq(resourceDirectories.managementAccountId, caller.accountId)))
    .orderBy(asc(trustedServices.name));
  const mine = rows;
  const names = new Map(
    mine.length === 0
      ? []
      : (
          await db
            .select({ id: accounts.id, name: accounts.name })
            .from(accounts)
            .where(inArray(accounts.id, [...new Set(mine.flatMap((r) => [r.memberAccountId, r.managementAccountId]))]))
        ).map((a) => [a.id, a.name]),
  );
  return mine.map((r) => ({
    service: r.service,
    role: r.managementAccountId === caller.accountId ? ("management" as const) : ("delegated" as const),
    member: names.get(r.memberAccountId) ?? "",
    management: names.get(r.managementAccountId) ?? "",
    registeredAt: r.registeredAt,
  }));
}

export async function outboundAccess(db: Db, caller: Caller) {
  const principal = ownAccountCaller(caller);
  await requireAllowed(db, principal, {
    action: "iam:agencies:assume",
    resource: urn("iam", null, principal.accountId, "agency", "*"),
    target: "outbound access overview",
  });
  const rows = await db
    .select({ agency: agencies, accountName: accounts.name })
    .from(agencies)
    .innerJoin(accounts, eq(accounts.id, agencies.accountId))
    .where(eq(agencies.delegatedAccountId, principal.accountId))
    .orderBy(asc(accounts.name), asc(agencies.name))
    .limit(OVERVIEW_LIMIT);
  const permissions = await permissionsByAgency(
    db,
    rows.map((r) => r.agency.id),
  );
  // Enterprise-project scopes name the delegating account's projects; the trusted party may know their names.
  const projectIds = [...permissions.values()]
    .flat()
    .filter((p) => p.scopeKind === "projects")
    .flatMap((p) => p.scopeValues);
  const projectNames = new Map(
    projectIds.length === 0
      ? []
      : (
          await db
            .select({ id: enterpriseProjects.id, name: enterpriseProjects.name })
            .from(enterpriseProjects)
            .where(inArray(enterpriseProjects.id, projectIds))
        ).map((p) => [p.id, p.name]),
  );
  const now = new Date();
  return rows.map(({ agency, accountName }) => ({
    projectNames,
    id: agency.id,
    accountName,
    agencyName: agency.name,
    permissions: permissions.get(agency.id) ?? [],
    expiresAt: agency.expiresAt,
    usable: !isExpired(agency.expiresAt, now),
  }));
}
