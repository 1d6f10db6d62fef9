"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PolicyReach } from "@/lib/policy/reach";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { scopeKinds, type ScopeKind } from "@/lib/scope";
import { ScopePicker } from "@/components/scope-picker";
import { useActionForm } from "@/components/use-action-form";
import { Field, Select } from "@/components/ui/field";
import { grantPolicyAction } from "../actions";

const scopeKind = (v: string | undefined): ScopeKind => ((scopeKinds as readonly string[]).includes(v ?? "") ? (v as ScopeKind) : "all");

interface Props {
  groupId: string;
  policies: { id: string; name: string; kind: string; reach?: PolicyReach }[];
  regions: { id: string; label: string }[];
  projects: { id: string; label: string }[];
}

export function GrantForm({ groupId, policies, regions, projects }: Props) {
  const t = useTranslations("iam.groups.grant");
  const { state, formAction, errors, value, values, onEdit } = useActionForm(grantPolicyAction);
  const [policyId, setPolicyId] = useState(value("policyId") ?? "");
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("formLabel")}>
      <input type="hidden" name="groupId" value={groupId} />
      <Field label={t("policy")} name="policyId" errors={errors("policyId")} required>
        {(p) => (
          <Select {...p} defaultValue={value("policyId") ?? ""} key={value("policyId")} onChange={(e) => setPolicyId(e.target.value)}>
            <option value="" disabled>
              {t("placeholder")}
            </option>
            {policies.map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.name}
                {policy.kind === "custom" ? t("customSuffix") : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <ScopePicker
        key={JSON.stringify(state?.values ?? null)}
        regions={regions}
        projects={projects}
        errors={errors}
        initialKind={scopeKind(value("scopeKind"))}
        initialRegions={values("regions")}
        initialProjects={values("projects")}
        chosen={policies.filter((p) => p.id === policyId)}
      />
      <FormMessage state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
