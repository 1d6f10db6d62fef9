"use client";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { PlacementFields } from "@/components/placement-fields";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { storageClasses } from "@/lib/resources/options";
import { useTranslations } from "next-intl";
import { createBucketAction } from "./actions";

export function CreateBucketForm(props: { regions: { id: string; name: string }[]; projects: { id: string; name: string }[] }) {
  const t = useTranslations("resources");
  const { state, formAction, errors, value, onEdit } = useActionForm(createBucketAction);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("obs.form")}>
      <Field label={t("obs.name")} name="name" errors={errors("name")} required hint={t("obs.nameHint")}>
        {(p) => <Input {...p} defaultValue={value("name")} key={`n${value("name")}`} />}
      </Field>
      <PlacementFields {...props} errors={errors} value={value} />
      <Field label={t("obs.storageClass")} name="storageClass" errors={errors("storageClass")} required>
        {(p) => (
          <Select {...p} defaultValue={value("storageClass") ?? "standard"} key={`s${value("storageClass")}`}>
            {storageClasses.map((c) => (
              <option key={c} value={c}>
                {t(`obs.classes.${c}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("obs.create")}</SubmitButton>
    </form>
  );
}
