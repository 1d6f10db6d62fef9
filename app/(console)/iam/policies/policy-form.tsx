"use client";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm, type FormAction } from "@/components/use-action-form";
import { Field, Input, Textarea } from "@/components/ui/field";

export const POLICY_TEMPLATE = `{
  "Version": "1.1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs:instances:list"]
    }
  ]
}`;

// The document's shape, shown as the content's hint: code, the same in every language.
const DOCUMENT_SHAPE = '{"Version":"1.1","Statement":[{"Effect":"Allow"|"Deny","Action":[…],"Resource":[…],"Condition":{…}}]}';

export function PolicyForm({
  action,
  policy,
  submitLabel,
}: {
  action: FormAction;
  policy?: { id: string; name: string; description: string; document: string };
  submitLabel: string;
}) {
  const t = useTranslations("iam.policies.form");
  const { state, formAction, errors, value, onEdit } = useActionForm(action);
  const current = (name: "name" | "description" | "document") => value(name) ?? policy?.[name] ?? (name === "document" ? POLICY_TEMPLATE : "");
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={submitLabel}>
      {policy && <input type="hidden" name="policyId" value={policy.id} />}
      <Field label={t("name")} name="name" errors={errors("name")} required>
        {(p) => <Input {...p} defaultValue={current("name")} key={`n${current("name")}`} />}
      </Field>
      <Field label={t("description")} name="description" errors={errors("description")}>
        {(p) => <Input {...p} defaultValue={current("description")} key={`d${current("description")}`} />}
      </Field>
      <Field label={t("content")} name="document" errors={errors("document")} required hint={t("contentHint", { shape: DOCUMENT_SHAPE })}>
        {(p) => <Textarea {...p} rows={16} spellCheck={false} defaultValue={current("document")} key={`c${current("document")}`} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
