"use client";
import { useTranslations } from "next-intl";
import { DateTime } from "@/components/date-time";
import type { PolicyOption } from "@/components/policy-picker";
import { describeScope } from "@/components/scope-label";
import { Alert } from "@/components/ui/alert";
import { policyFindings, unlimitedFinding } from "@/lib/access/findings";
import { expiryFor } from "@/lib/agencies/validity";
import { fitScopes } from "@/lib/policy/reach";
import type { ScopeKind } from "@/lib/scope";
import type { WizardValues } from "./wizard-values";
import { useWords } from "@/components/use-words";

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
  const t = useTranslations("agencies");
  const words = useWords();
  const party = values.type === "account" ? t("review.partyAccount", { name: values.delegatedAccount }) : t("review.partyService", { name: values.service });
  const days = values.validityKind === "custom" ? Number.parseInt(values.validityDays, 10) || null : null;
  const expires = expiryFor(values.validityKind, days, new Date());
  const fit = fitScopes(
    chosen.flatMap((p) => (p.reach === undefined ? [] : [{ name: p.name, reach: p.reach }])),
    scope.scopeKind,
  );
  const scopeOf = (name: string) => {
    const kind = fit.ok ? (fit.scopes.find((s) => s.policy.name === name)?.kind ?? scope.scopeKind) : scope.scopeKind;
    const values = kind === "regions" ? scope.regions.map((r) => regionLabels.get(r) ?? r) : kind === "projects" ? scope.projects : [];
    return describeScope(kind, values, projectNames, t);
  };
  // The same findings the Created page and the Access Overview show for the agency once it exists.
  const warnings = [...policyFindings(chosen.map((p) => ({ policyName: p.name }))), ...(expires === null ? [unlimitedFinding] : [])].map((f) =>
    words(f.message),
  );
  return (
    <section aria-label={t("review.title")} className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 className="font-semibold">{t("review.title")}</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500">{t("review.agency")}</dt>
        <dd>{values.name}</dd>
        <dt className="text-slate-500">{t("labels.party")}</dt>
        <dd>{party}</dd>
        <dt className="text-slate-500">{t("labels.permissions")}</dt>
        <dd>
          <ul>
            {chosen.map((p) => (
              <li key={p.id}>{t("withScope", { policy: p.name, scope: scopeOf(p.name) })}</li>
            ))}
          </ul>
        </dd>
        <dt className="text-slate-500">{t("review.expires")}</dt>
        <dd>{expires === null ? t("review.never") : t.rich("review.expiresAt", { date: () => <DateTime value={expires} /> })}</dd>
      </dl>
      {warnings.length > 0 && (
        <Alert tone="warning" title={t("leastPrivilege")}>
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
