/** Least-privilege findings about an agency: what an administrator reviewing access should look at first. */
import { isExpired } from "@/lib/agencies/validity";
import { SECURITY_ADMINISTRATOR } from "@/lib/authz/system-policies";
import type { PolicyDocument } from "@/lib/policy/document";
import { policyReach, scopeFits } from "@/lib/policy/reach";
import type { ScopeKind } from "@/lib/scope";
import { phrase, term } from "@/lib/i18n/message";

export const UNUSED_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export type FindingKind = "security_admin" | "full_access" | "ineffective" | "unlimited" | "unused" | "expired";

export interface Finding {
  kind: FindingKind;
  /** A phrase (lib/i18n/message.ts). */
  message: string;
}

/** A policy that opens a whole service or every service: a name ending in FullAccess, Tenant Administrator, or a bare wildcard. */
export function grantsFullAccess(name: string, document: PolicyDocument): boolean {
  if (name === "Tenant Administrator" || /FullAccess$/.test(name)) return true;
  return document.Statement.some(
    (s) => s.Effect === "Allow" && (s.NotAction !== undefined || (s.Action ?? []).some((a) => a === "*" || /^[a-z0-9-]+:\*(:\*)?$/i.test(a))),
  );
}

/**
 * What lending these policies hands over that a reviewer should weigh: Security Administrator, full
 * access. Also read by the Create Agency review before OK, where a policy's document may be unknown.
 */
export function policyFindings(permissions: { policyName: string; document?: unknown }[]): Finding[] {
  const findings: Finding[] = [];
  if (permissions.some((p) => p.policyName === SECURITY_ADMINISTRATOR)) {
    findings.push({ kind: "security_admin", message: phrase("domain.findings.security_admin", { role: SECURITY_ADMINISTRATOR }) });
  }
  const full = permissions.filter(
    (p) =>
      p.policyName !== SECURITY_ADMINISTRATOR &&
      grantsFullAccess(p.policyName, (p.document as PolicyDocument | undefined) ?? { Version: "1.1", Statement: [] }),
  );
  if (full.length > 0)
    findings.push({ kind: "full_access", message: phrase("domain.findings.full_access", { policies: full.map((p) => p.policyName).join(", ") }) });
  return findings;
}

export const unlimitedFinding: Finding = { kind: "unlimited", message: phrase("domain.findings.unlimited") };

export function agencyFindings(
  agency: { expiresAt: Date | null; createdAt: Date; type: string },
  permissions: { policyName: string; document: unknown; scopeKind?: string }[],
  lastUsedAt: Date | null,
  now: Date,
): Finding[] {
  const findings = policyFindings(permissions);
  // Granted before scopes had to fit, or through a policy edited since: a permission that can act nowhere.
  const ineffective = permissions.filter((p) => p.scopeKind !== undefined && !scopeFits(policyReach(p.document as PolicyDocument), p.scopeKind as ScopeKind));
  for (const p of ineffective) {
    findings.push({
      kind: "ineffective",
      message: phrase("domain.findings.ineffective", { policy: p.policyName, scope: term(`domain.scope.${p.scopeKind}`) }),
    });
  }
  if (agency.expiresAt === null) findings.push(unlimitedFinding);
  if (isExpired(agency.expiresAt, now)) {
    findings.push({ kind: "expired", message: phrase("domain.findings.expired") });
  } else if (agency.type === "account") {
    const since = lastUsedAt ?? agency.createdAt;
    if (now.getTime() - since.getTime() > UNUSED_DAYS * DAY_MS) {
      findings.push({
        kind: "unused",
        message: phrase(lastUsedAt === null ? "domain.findings.neverUsed" : "domain.findings.unused", { days: UNUSED_DAYS }),
      });
    }
  }
  return findings;
}
