"use client";
import type { PolicyOption } from "@/components/policy-picker";
import { describeScope } from "@/components/scope-label";
import { Alert } from "@/components/ui/alert";
import { policyFindings, unlimitedFinding } from "@/lib/access/findings";
import { expiryFor } from "@/lib/agencies/validity";
import { utcMinute } from "@/lib/format";
import { fitScopes } from "@/lib/policy/reach";
import type { ScopeKind } from "@/lib/scope";
import type { WizardValues } from "./wizard-values";

/** Everything the agency will be, in words, before OK: who gets what, where, until when. */
export function Review({
  values,
  chosen,
  scope,
  regionLabels,
  projectNames,
}: {
  values: WizardValues;
  chosen: PolicyOption[];
  scope: { scopeKind: ScopeKind; regions: string[]; projects: string[] };
  regionLabels: Map<string, string>;
  projectNames: Map<string, string>;
}) {
  const party = values.type === "account" ? `Account ${values.delegatedAccount}` : `Cloud service ${values.service}`;
  const days = values.validityKind === "custom" ? Number.parseInt(values.validityDays, 10) || null : null;
  const expires = expiryFor(values.validityKind, days, new Date());
  const fit = fitScopes(
    chosen.flatMap((p) => (p.reach === undefined ? [] : [{ name: p.name, reach: p.reach }])),
    scope.scopeKind,
  );
  const scopeOf = (name: string) => {
    const kind = fit.ok ? (fit.scopes.find((s) => s.policy.name === name)?.kind ?? scope.scopeKind) : scope.scopeKind;
    const values = kind === "regions" ? scope.regions.map((r) => regionLabels.get(r) ?? r) : kind === "projects" ? scope.projects : [];
    return describeScope(kind, values, projectNames);
  };
  // The same findings the Created page and the Access Overview show for the agency once it exists.
  const warnings = [...policyFindings(chosen.map((p) => ({ policyName: p.name }))), ...(expires === null ? [unlimitedFinding] : [])].map((f) => f.message);
  return (
    <section aria-label="Review" className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 className="font-semibold">Review</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">Agency</dt>
        <dd>{values.name}</dd>
        <dt className="text-slate-500">Delegated party</dt>
        <dd>{party}</dd>
        <dt className="text-slate-500">Permissions</dt>
        <dd>
          <ul>
            {chosen.map((p) => (
              <li key={p.id}>
                {p.name} ({scopeOf(p.name)})
              </li>
            ))}
          </ul>
        </dd>
        <dt className="text-slate-500">Expires</dt>
        <dd>{expires === null ? "Never (unlimited)" : `${utcMinute(expires)} (from now, if created now)`}</dd>
      </dl>
      {warnings.length > 0 && (
        <Alert tone="warning" title="Least privilege">
          <ul className="list-disc pl-4">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}
