"use client";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { createGroupAction } from "./actions";

export function CreateGroupForm() {
  const { state, formAction, errors, value, onEdit } = useActionForm(createGroupAction);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label="Create user group">
      <Field label="User group name" name="name" errors={errors("name")} required>
        {(p) => <Input {...p} defaultValue={value("name")} key={value("name")} />}
      </Field>
      <Field label="Description" name="description" errors={errors("description")}>
        {(p) => <Input {...p} defaultValue={value("description")} key={value("description")} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>Create User Group</SubmitButton>
    </form>
  );
}
