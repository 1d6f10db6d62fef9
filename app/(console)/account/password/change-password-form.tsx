"use client";
import { useEffect, useRef } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const { state, formAction, errors, onEdit } = useActionForm(changePasswordAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} onChange={onEdit} className="space-y-3" aria-label="Change password">
      <Field label="Current password" name="currentPassword" errors={errors("currentPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="current-password" />}
      </Field>
      <Field label="New password" name="password" errors={errors("password")} required hint="8–64 characters with at least two kinds of characters.">
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="Confirm new password" name="confirmPassword" errors={errors("confirmPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>Change Password</SubmitButton>
    </form>
  );
}
