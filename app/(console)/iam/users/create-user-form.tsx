"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { createUserAction } from "./actions";

export function CreateUserForm() {
  const t = useTranslations("iam.users.create");
  const { state, formAction, errors, value, onEdit } = useActionForm(createUserAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("formLabel")}>
      <Field label={t("name")} name="name" errors={errors("name")} required hint={t("nameHint")}>
        {(p) => <Input {...p} defaultValue={value("name")} key={value("name")} />}
      </Field>
      <Field label={t("password")} name="password" errors={errors("password")} required hint={t("passwordHint")}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field label={t("confirmPassword")} name="confirmPassword" errors={errors("confirmPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field label={t("description")} name="description" errors={errors("description")}>
        {(p) => <Input {...p} defaultValue={value("description")} key={value("description")} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
