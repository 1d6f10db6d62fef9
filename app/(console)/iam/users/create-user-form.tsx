"use client";
import { useEffect, useRef } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { createUserAction } from "./actions";

export function CreateUserForm() {
  const { state, formAction, errors, value, onEdit } = useActionForm(createUserAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} onChange={onEdit} className="space-y-3" aria-label="Create user">
      <Field label="User name" name="name" errors={errors("name")} required hint="1–32 characters: letters, digits, - _ . ; starts with a letter.">
        {(p) => <Input {...p} defaultValue={value("name")} key={value("name")} />}
      </Field>
      <Field label="Password" name="password" errors={errors("password")} required hint="8–64 characters with at least two kinds of characters.">
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="Confirm password" name="confirmPassword" errors={errors("confirmPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="Description" name="description" errors={errors("description")}>
        {(p) => <Input {...p} defaultValue={value("description")} key={value("description")} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>Create User</SubmitButton>
    </form>
  );
}
