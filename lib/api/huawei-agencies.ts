/**
 * Huawei IAM v3's agency API over Mandate's agencies: each call is one of the console's own domain
 * functions, decided by the same engine and audited the same way. Mandate keeps one scope per
 * policy on an agency, so Huawei's three places to grant a role map onto its scopes:
 * the domain → Global services, a project (a region here) → Region-specific projects, all projects
 * (`inherited_to_projects`) → All resources. Granting a role in another place replaces its scope.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, type Agency } from "@/db/schema";
import { agencyPage, createAgencyWithoutPermissions, deleteAgency, getAgency, updateAgency } from "@/lib/agencies/agencies";
import { changeAgencyRole } from "@/lib/agencies/permissions";
import { cloudServices, MAX_CUSTOM_DAYS } from "@/lib/agencies/options";
import { badRequest, forbidden, notFound } from "@/lib/api/huawei-errors";
import type { Caller } from "@/lib/caller";
import { hasControlCharacters, isObject, isUuid } from "@/lib/validation";

/** Huawei's time format: `2026-11-28T09:46:44.000000`. */
export const huaweiTime = (d: Date) => `${d.toISOString().slice(0, 23)}000`;

const SERVICE_PREFIX = "op_svc_";
const serviceDomainName = (service: string) => `${SERVICE_PREFIX}${service.toLowerCase().replace(/ /g, "_")}`;
const serviceOf = (domainName: string) => cloudServices.find((s) => serviceDomainName(s.id) === domainName.toLowerCase())?.id;

type ListedAgency = Agency & { delegatedAccountName: string | null };

function duration(agency: Agency): string {
  if (agency.validityKind === "unlimited") return "FOREVER";
  return String((agency.validityKind === "one_day" ? 1 : (agency.validityDays ?? 1)) * 24);
}

export function agencyView(agency: ListedAgency) {
  return {
    id: agency.id,
    name: agency.name,
    domain_id: agency.accountId,
    trust_domain_id: agency.delegatedAccountId,
    trust_domain_name: agency.delegatedAccountName ?? serviceDomainName(agency.service ?? ""),
    description: agency.description,
    duration: duration(agency),
    expire_time: agency.expiresAt === null ? null : huaweiTime(agency.expiresAt),
    create_time: huaweiTime(agency.createdAt),
  };
}

function agencyBody(json: unknown): Record<string, unknown> {
  if (!isObject(json) || !isObject(json.agency)) throw badRequest('The body must be {"agency":{…}}.');
  return json.agency;
}

const text = (body: Record<string, unknown>, name: string): string | undefined => {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${name} must be a string.`);
  return value;
};

/** `"FOREVER"`, `"ONEDAY"` or a number of days, as the console's validity period. */
function validityOf(value: unknown): { validityKind: string; validityDays?: number } {
  if (value === "FOREVER") return { validityKind: "unlimited" };
  if (value === "ONEDAY") return { validityKind: "one_day" };
  const days = typeof value === "number" ? value : typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_CUSTOM_DAYS) {
    throw badRequest(`duration must be "FOREVER", "ONEDAY" or a whole number of days from 1 to ${MAX_CUSTOM_DAYS}.`);
  }
  return { validityKind: "custom", validityDays: days };
}

/** The delegated party named by `trust_domain_name` (which wins) or `trust_domain_id`. */
async function trustOf(db: Db, body: Record<string, unknown>) {
  const name = text(body, "trust_domain_name");
  if (name !== undefined) {
    const service = serviceOf(name);
    return service === undefined ? { type: "account", delegatedAccount: name } : { type: "service", service };
  }
  const id = text(body, "trust_domain_id");
  if (id === undefined) return undefined;
  const [account] = isUuid(id) ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, id)) : [];
  if (account === undefined) throw notFound("trust_domain_id: the account does not exist.");
  return { type: "account", delegatedAccount: account.name };
}

export function ownDomain(caller: Caller, domainId: string | undefined) {
  if (domainId === undefined) throw badRequest("domain_id is required.");
  if (domainId !== caller.accountId) throw forbidden("domain_id must be the ID of the account the request acts in.");
}

const agencyIdOf = (raw: string) => {
  if (!isUuid(raw)) throw notFound("The agency does not exist.");
  return raw;
};

export async function createAgencyCall(db: Db, caller: Caller, json: unknown) {
  const body = agencyBody(json);
  ownDomain(caller, text(body, "domain_id"));
  const trust = await trustOf(db, body);
  if (trust === undefined) throw badRequest("trust_domain_id or trust_domain_name is required.");
  const created = await createAgencyWithoutPermissions(db, caller, {
    name: text(body, "name") ?? "",
    ...trust,
    ...validityOf(body.duration ?? "FOREVER"),
    description: text(body, "description") ?? "",
  });
  return { agency: agencyView(created) };
}

async function shownAgency(db: Db, caller: Caller, agencyId: string): Promise<ListedAgency> {
  const { agency, delegatedAccountName } = await getAgency(db, caller, agencyIdOf(agencyId));
  return { ...agency, delegatedAccountName };
}

export async function listAgenciesCall(db: Db, caller: Caller, query: URLSearchParams) {
  ownDomain(caller, query.get("domain_id") ?? undefined);
  const whole = (name: string, fallback: number) => {
    const value = query.get(name);
    if (value === null) return fallback;
    if (!/^\d{1,7}$/.test(value) || Number(value) < 1) throw badRequest(`${name} must be a whole number from 1.`);
    return Number(value);
  };
  const name = query.get("name") ?? undefined;
  if (name !== undefined && (name.length > 64 || hasControlCharacters(name))) throw badRequest("name must be an agency name of at most 64 characters.");
  const trustId = query.get("trust_domain_id") ?? undefined;
  if (trustId !== undefined && !isUuid(trustId)) return { agencies: [] };
  const rows = await agencyPage(db, caller, {
    ...(trustId !== undefined && { delegatedAccountId: trustId }),
    ...(name !== undefined && { name }),
    page: whole("page", 1),
    perPage: Math.min(whole("per_page", 500), 500),
  });
  return { agencies: rows.map(agencyView) };
}

export async function showAgencyCall(db: Db, caller: Caller, agencyId: string) {
  return { agency: agencyView(await shownAgency(db, caller, agencyId)) };
}

export async function updateAgencyCall(db: Db, caller: Caller, agencyId: string, json: unknown) {
  const body = agencyBody(json);
  const current = await shownAgency(db, caller, agencyId);
  const trust = await trustOf(db, body);
  if (trust !== undefined && trust.type !== current.type) {
    throw badRequest(
      `trust_domain_name: ${current.type === "account" ? "an account agency cannot be delegated to a cloud service" : "a cloud service agency cannot be delegated to an account"}.`,
    );
  }
  const validity =
    body.duration === undefined || body.duration === null
      ? { validityKind: current.validityKind, ...(current.validityDays !== null && { validityDays: current.validityDays }) }
      : validityOf(body.duration);
  await updateAgency(db, caller, {
    agencyId: current.id,
    ...validity,
    description: text(body, "description") ?? current.description,
    ...(trust?.type === "account" && { delegatedAccount: trust.delegatedAccount }),
  });
  return { agency: agencyView(await shownAgency(db, caller, current.id)) };
}

export async function deleteAgencyCall(db: Db, caller: Caller, agencyId: string) {
  await deleteAgency(db, caller, { agencyId: agencyIdOf(agencyId) });
}

/** Where a role is granted: Huawei's path, as one of Mandate's scopes. */
export type RolePlace = { kind: "global" } | { kind: "regions"; region: string } | { kind: "all" };

const placeKind: Record<RolePlace["kind"], "global" | "regions" | "all"> = { global: "global", regions: "regions", all: "all" };

function inPlace(permission: { scopeKind: string; scopeValues: string[] }, place: RolePlace): boolean {
  if (permission.scopeKind !== placeKind[place.kind]) return false;
  return place.kind !== "regions" || permission.scopeValues.includes(place.region);
}

export async function listRolesCall(db: Db, caller: Caller, agencyId: string, place: RolePlace) {
  const { permissions } = await getAgency(db, caller, agencyIdOf(agencyId));
  return {
    roles: permissions
      .filter((p) => inPlace(p, place))
      .map((p) => ({
        id: p.policyId,
        name: p.policyName,
        display_name: p.policyName,
        type: place.kind === "global" ? "AX" : place.kind === "regions" ? "XA" : "AA",
        catalog: p.policyKind === "custom" ? "CUSTOMED" : "BASE",
        flag: "fine_grained",
        description: "",
        policy: p.document,
      })),
  };
}

export async function checkRoleCall(db: Db, caller: Caller, agencyId: string, roleId: string, place: RolePlace) {
  const { permissions } = await getAgency(db, caller, agencyIdOf(agencyId));
  const held = permissions.find((p) => p.policyId === roleId);
  if (held === undefined || !inPlace(held, place)) throw notFound("The agency does not hold this role there.");
}

function roleChange(agencyId: string, roleId: string, place: RolePlace, change: "grant" | "revoke") {
  if (!isUuid(roleId)) throw notFound("The role does not exist.");
  return {
    agencyId: agencyIdOf(agencyId),
    policyId: roleId,
    scopeKind: placeKind[place.kind],
    ...(place.kind === "regions" && { region: place.region }),
    change,
  };
}

export async function grantRoleCall(db: Db, caller: Caller, agencyId: string, roleId: string, place: RolePlace) {
  await changeAgencyRole(db, caller, roleChange(agencyId, roleId, place, "grant"));
}

export async function revokeRoleCall(db: Db, caller: Caller, agencyId: string, roleId: string, place: RolePlace) {
  await changeAgencyRole(db, caller, roleChange(agencyId, roleId, place, "revoke"));
}
