"use client";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { createGroupAction } from "./actions";

export function CreateGroupForm() {
  const t = useTranslations("iam.groups.create");
  const { state, formAction, errors, value, onEdit } = useActionForm(createGroupAction);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("formLabel")}>
      <Field label={t("name")} name="name" errors={errors("name")} required>
        {(p) => <Input {...p} defaultValue={value("name")} key={value("name")} />}
      </Field>
      <Field label={t("description")} name="description" errors={errors("description")}>
        {(p) => <Input {...p} defaultValue={value("description")} key={value("description")} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
