"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { PolicyPicker, type PolicyOption } from "@/components/policy-picker";
import { ScopePicker } from "@/components/scope-picker";
import { useActionForm } from "@/components/use-action-form";
import { addAgencyPermissionsAction } from "../actions";

interface Props {
  agencyId: string;
  policies: PolicyOption[];
  regions: { id: string; label: string }[];
  projects: { id: string; label: string }[];
}

export function AddPermissionsForm({ agencyId, policies, regions, projects }: Props) {
  const t = useTranslations("agencies");
  const { state, formAction, errors, values, onEdit } = useActionForm(addAgencyPermissionsAction);
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => {
    if (state?.ok) setSelected([]);
  }, [state]);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-4" aria-label={t("detail.addPermissionsLabel")}>
      <input type="hidden" name="agencyId" value={agencyId} />
      {selected.map((id) => (
        <input key={id} type="hidden" name="policyIds" value={id} />
      ))}
      <PolicyPicker policies={policies} selected={selected} onChange={setSelected} errors={errors("policyIds")} />
      <ScopePicker
        key={JSON.stringify(state?.values ?? null)}
        regions={regions}
        projects={projects}
        errors={errors}
        initialRegions={values("regions")}
        initialProjects={values("projects")}
        chosen={policies.filter((p) => selected.includes(p.id))}
      />
      <FormMessage state={state} />
      <SubmitButton>{t("detail.addPermissions")}</SubmitButton>
    </form>
  );
}
