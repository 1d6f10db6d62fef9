"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { fitScopes, type PolicyReach } from "@/lib/policy/reach";
import { type ScopeKind, scopeKinds } from "@/lib/scope";
import { useWords } from "@/components/use-words";

interface Option {
  id: string;
  label: string;
}

/**
 * The authorization scope of a grant, with the regions or enterprise projects it names. Inputs are
 * uncontrolled so that React's reset of a submitted form cannot leave them out of step with what
 * is shown; remount it with the submitted values (a `key`) to refill after a refusal.
 */
export function ScopePicker({
  regions,
  projects,
  errors,
  initialKind = "all",
  initialRegions = [],
  initialProjects = [],
  chosen = [],
}: {
  regions: Option[];
  projects: Option[];
  errors: (field: string) => string[] | undefined;
  initialKind?: ScopeKind;
  initialRegions?: string[];
  initialProjects?: string[];
  /** The policies being granted: a scope in which they could do nothing is offered disabled, with the reason. */
  chosen?: { name: string; reach?: PolicyReach | undefined }[];
}) {
  const t = useTranslations("agencies");
  const words = useWords();
  const [kind, setKind] = useState<ScopeKind>(initialKind);
  const hintId = useId();
  const known = chosen.flatMap((p) => (p.reach === undefined ? [] : [{ name: p.name, reach: p.reach }]));
  const fits = Object.fromEntries(scopeKinds.map((k) => [k, fitScopes(known, k)])) as Record<ScopeKind, ReturnType<typeof fitScopes>>;
  // With both kinds chosen, the global-service ones go to Global services: say so where it happens.
  const movedToGlobal = (k: ScopeKind) => {
    const fit = fits[k];
    return fit.ok ? fit.scopes.filter((s) => s.kind !== k).map((s) => s.policy.name) : [];
  };
  const choices = (name: "regions" | "projects", options: Option[], initial: string[], legend: string) => (
    <fieldset className="ml-6 mt-2 space-y-1" aria-describedby={errors(name)?.length ? `${name}-error` : undefined}>
      <legend className="text-sm text-slate-600">{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={name} value={o.id} defaultChecked={initial.includes(o.id)} />
          {o.label}
        </label>
      ))}
      {errors(name)?.length ? (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {errors(name)!.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t("scope.legend")}</legend>
      {scopeKinds.map((k) => (
        <div key={k}>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="scopeKind"
              value={k}
              defaultChecked={initialKind === k}
              onChange={() => setKind(k)}
              disabled={!fits[k].ok}
              aria-describedby={fits[k].ok ? undefined : `${hintId}-${k}`}
            />
            {t(`scope.${k}`)}
          </label>
          {(() => {
            const fit = fits[k];
            if (!fit.ok) {
              return (
                <p id={`${hintId}-${k}`} className="ml-6 text-xs text-slate-500">
                  {words(fit.message)}
                </p>
              );
            }
            const moved = movedToGlobal(k);
            return kind === k && moved.length > 0 ? (
              <p className="ml-6 text-xs text-slate-600">
                {t("scope.movedToGlobal", { names: moved.join(", "), count: moved.length, global: t("scope.global") })}
              </p>
            ) : null;
          })()}
          {k === "regions" && kind === "regions" && choices("regions", regions, initialRegions, t("scope.regionsLegend"))}
          {k === "projects" && kind === "projects" && choices("projects", projects, initialProjects, t("scope.projectsLegend"))}
        </div>
      ))}
      {errors("scopeKind")?.length ? <p className="text-sm text-red-700">{errors("scopeKind")!.join(" ")}</p> : null}
    </fieldset>
  );
}
