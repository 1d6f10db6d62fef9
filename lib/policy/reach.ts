/**
 * Where a policy can take effect, as Huawei IAM sorts services: global services (IAM, Resource
 * Management, CTS; requests without a region) and project-level services (ECS, OBS; every request
 * names a region and an enterprise project). A scope fits a policy when the policy can act in it.
 * Kept free of the database: the forms use it to offer only the scopes that fit.
 */
import { actionCatalogue } from "@/lib/authz/action-catalogue";
import { globMatch } from "@/lib/authz/glob";
import type { PolicyDocument, Statement } from "@/lib/policy/document";
import { phrase, term } from "@/lib/i18n/message";
import type { ScopeKind } from "@/lib/scope";

export interface PolicyReach {
  /** Some action of a global service (decided without a region). */
  global: boolean;
  /** Some action of a project-level service (decided in a region and an enterprise project). */
  regional: boolean;
}

const PROJECT_LEVEL_SERVICES = new Set(["ecs", "obs"]);
const isProjectLevel = (action: string) => PROJECT_LEVEL_SERVICES.has(action.split(":")[0]!.toLowerCase());

function statementReach(statement: Statement, reach: PolicyReach) {
  const matches = (action: string) => {
    if (statement.Action !== undefined && !statement.Action.some((p) => globMatch(p, action, true))) return false;
    return !(statement.NotAction ?? []).some((p) => globMatch(p, action, true));
  };
  for (const action of actionCatalogue) {
    if (matches(action)) reach[isProjectLevel(action) ? "regional" : "global"] = true;
  }
  // Actions of services outside the catalogue still have a kind: their service's.
  for (const pattern of statement.Action ?? []) {
    const service = pattern.split(":")[0]!;
    if (service.includes("*") || service.includes("?")) continue;
    reach[PROJECT_LEVEL_SERVICES.has(service.toLowerCase()) ? "regional" : "global"] = true;
  }
}

/** Deny statements count as well: a restriction in a scope where it cannot apply restricts nothing. */
export function policyReach(document: PolicyDocument): PolicyReach {
  const reach: PolicyReach = { global: false, regional: false };
  for (const statement of document.Statement) statementReach(statement, reach);
  return reach;
}

/** Whether `kind` lets a policy of this reach act at all. */
export function scopeFits(reach: PolicyReach, kind: ScopeKind): boolean {
  if (!reach.global && !reach.regional) return true;
  if (kind === "all") return true;
  if (kind === "global") return reach.global;
  return reach.regional;
}

/** `message` is a phrase (lib/i18n/message.ts) of the catalogue's `validation.reach`. */
export type ScopeFit<P> = { ok: true; scopes: { policy: P; kind: ScopeKind }[] } | { ok: false; message: string };

// Policy names are shown as they are written, quoted, in a list.
const names = (list: { name: string }[]) => list.map((p) => `"${p.name}"`).join(", ");
const scope = (kind: ScopeKind) => term(`validation.scopes.${kind}`);

/**
 * The scope each chosen policy is granted in. With a region or enterprise-project scope, policies
 * of global services only take "Global services" (each kind gets its fitting scope, as in Huawei
 * IAM); a scope that fits none of the policies, or "Global services" for project-level policies, is
 * refused with a message that names them.
 */
export function fitScopes<P extends { name: string; reach: PolicyReach }>(policies: P[], kind: ScopeKind): ScopeFit<P> {
  if (kind === "global") {
    const misfits = policies.filter((p) => !scopeFits(p.reach, "global"));
    if (misfits.length > 0) {
      return {
        ok: false,
        message: phrase("validation.reach.projectLevelInGlobal", {
          names: names(misfits),
          count: misfits.length,
          scope: scope("global"),
          all: scope("all"),
          regions: scope("regions"),
          projects: scope("projects"),
        }),
      };
    }
    return { ok: true, scopes: policies.map((policy) => ({ policy, kind })) };
  }
  if (kind === "regions" || kind === "projects") {
    if (policies.length > 0 && !policies.some((p) => scopeFits(p.reach, kind))) {
      return {
        ok: false,
        message: phrase("validation.reach.globalOnly", {
          names: names(policies),
          count: policies.length,
          scope: scope(kind),
          global: scope("global"),
          all: scope("all"),
        }),
      };
    }
    return { ok: true, scopes: policies.map((policy) => ({ policy, kind: scopeFits(policy.reach, kind) ? kind : "global" })) };
  }
  return { ok: true, scopes: policies.map((policy) => ({ policy, kind })) };
}
