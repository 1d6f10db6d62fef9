"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import type { PolicyReach } from "@/lib/policy/reach";
import { type DomainWords, policyDescription } from "@/components/catalogue-description";

export interface PolicyOption {
  id: string;
  name: string;
  kind: string;
  description: string;
  /** Where the policy can act (global services, project-level services), to offer scopes that fit. */
  reach?: PolicyReach;
}

const policyKinds = ["system_role", "system_policy", "custom"] as const;
const isPolicyKind = (kind: string): kind is (typeof policyKinds)[number] => (policyKinds as readonly string[]).includes(kind);

/** A searchable list of policies and roles to tick, warning when Security Administrator is among them. */
export function PolicyPicker({
  policies,
  selected,
  onChange,
  errors,
}: {
  policies: PolicyOption[];
  selected: string[];
  onChange: (ids: string[]) => void;
  errors?: string[] | undefined;
}) {
  const t = useTranslations("agencies");
  const domain = useTranslations("domain") as unknown as DomainWords;
  const [search, setSearch] = useState("");
  const searchId = useId();
  const shown = policies.filter((p) => p.name.toLowerCase().includes(search.trim().toLowerCase()));
  const chosen = policies.filter((p) => selected.includes(p.id));
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={searchId} className="text-sm font-medium text-slate-700">
          {t("policyPicker.searchLabel")}
        </label>
        <Input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("policyPicker.searchPlaceholder")} />
      </div>
      <fieldset aria-describedby={errors?.length ? `${searchId}-error` : undefined}>
        <legend className="mb-1 text-sm text-slate-600">{t("policyPicker.legend", { count: chosen.length })}</legend>
        <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200 bg-white">
          {shown.length === 0 && <li className="px-3 py-4 text-center text-sm text-slate-500">{t("policyPicker.none")}</li>}
          {shown.map((policy) => (
            <li key={policy.id} className="px-3 py-2">
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={selected.includes(policy.id)} onChange={(e) => toggle(policy.id, e.target.checked)} />
                <span>
                  <span className="font-medium">{policy.name}</span>
                  <span className="ml-2 text-xs text-slate-500">{isPolicyKind(policy.kind) ? t(`policyPicker.kinds.${policy.kind}`) : policy.kind}</span>
                  {policy.description && <span className="block text-xs text-slate-500">{policyDescription(domain, policy)}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {errors?.length ? (
        <p id={`${searchId}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      {chosen.some((p) => p.name === "Security Administrator") && (
        <Alert tone="warning" title={t("leastPrivilege")}>
          {t("securityAdministratorWarning")}
        </Alert>
      )}
    </div>
  );
}
