"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const { state, formAction, errors, onEdit } = useActionForm(changePasswordAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("formLabel")}>
      <Field label={t("current")} name="currentPassword" errors={errors("currentPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="current-password" />}
      </Field>
      <Field label={t("new")} name="password" errors={errors("password")} required hint={t("newHint")}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field label={t("confirm")} name="confirmPassword" errors={errors("confirmPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
