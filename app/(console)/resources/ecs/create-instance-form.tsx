"use client";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { PlacementFields } from "@/components/placement-fields";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { flavors } from "@/lib/resources/options";
import { useTranslations } from "next-intl";
import { createInstanceAction } from "./actions";

export function CreateInstanceForm(props: { regions: { id: string; name: string }[]; projects: { id: string; name: string }[] }) {
  const t = useTranslations("resources");
  const { state, formAction, errors, value, onEdit } = useActionForm(createInstanceAction);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("ecs.form")}>
      <Field label={t("ecs.name")} name="name" errors={errors("name")} required>
        {(p) => <Input {...p} defaultValue={value("name")} key={`n${value("name")}`} />}
      </Field>
      <PlacementFields {...props} errors={errors} value={value} />
      <Field label={t("ecs.flavor")} name="flavor" errors={errors("flavor")} required>
        {(p) => (
          <Select {...p} defaultValue={value("flavor") ?? flavors[0]} key={`f${value("flavor")}`}>
            {flavors.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("ecs.create")}</SubmitButton>
    </form>
  );
}
