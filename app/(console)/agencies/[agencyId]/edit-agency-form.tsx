"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { MAX_CUSTOM_DAYS, validityChoices } from "@/lib/agencies/options";
import { updateAgencyAction } from "../actions";

export function EditAgencyForm({ agency }: { agency: { id: string; description: string; validityKind: string; validityDays: number | null } }) {
  const t = useTranslations("agencies");
  const common = useTranslations("common");
  const { state, formAction, errors, value, onEdit } = useActionForm(updateAgencyAction);
  const [kind, setKind] = useState(value("validityKind") ?? agency.validityKind);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("detail.editLabel")}>
      <input type="hidden" name="agencyId" value={agency.id} />
      <Field label={t("fields.validity")} name="validityKind" errors={errors("validityKind")} required hint={t("fields.validityChangeHint")}>
        {(p) => (
          <Select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
            {validityChoices.map((k) => (
              <option key={k} value={k}>
                {t(`validityKind.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {kind === "custom" && (
        <Field label={t("fields.days")} name="validityDays" errors={errors("validityDays")} required hint={t("fields.daysHint", { max: MAX_CUSTOM_DAYS })}>
          {(p) => (
            <Input
              {...p}
              type="number"
              min={1}
              max={MAX_CUSTOM_DAYS}
              defaultValue={value("validityDays") ?? agency.validityDays ?? ""}
              key={`d${value("validityDays")}`}
            />
          )}
        </Field>
      )}
      <Field label={common("description_label")} name="description" errors={errors("description")}>
        {(p) => <Textarea {...p} className="font-sans" rows={3} defaultValue={value("description") ?? agency.description} key={`t${value("description")}`} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{common("save")}</SubmitButton>
    </form>
  );
}
