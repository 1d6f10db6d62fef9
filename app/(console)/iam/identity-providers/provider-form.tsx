"use client";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { type FormAction, useActionForm } from "@/components/use-action-form";
import { Field, Input, Textarea } from "@/components/ui/field";

export const RULES_TEMPLATE = `[
  {
    "local": [{ "user": { "name": "{0}" } }, { "group": { "name": "admins" } }],
    "remote": [{ "type": "email" }, { "type": "groups", "any_one_of": ["cloud-admins"] }]
  }
]`;

// The rules' shape, shown as the field's hint: code, the same in every language.
const RULES_SHAPE = '[{"local":[{"user":{"name":"{0}"}},{"group":{"name":…}}],"remote":[{"type":claim},{"type":claim,"any_one_of"|"not_any_of":[…]}]}]';

type Editable = "name" | "description" | "issuer" | "clientId" | "scopes" | "rules";

/** Creates a provider, or edits one (its name stays; an empty secret keeps the stored one). */
export function ProviderForm({
  action,
  provider,
  submitLabel,
}: {
  action: FormAction;
  provider?: { id: string; name: string; description: string; issuer: string; clientId: string; scopes: string; rulesText: string };
  submitLabel: string;
}) {
  const t = useTranslations("iam.providers.form");
  const { state, formAction, errors, value, onEdit } = useActionForm(action);
  const stored: Record<Editable, string> | undefined = provider && { ...provider, rules: provider.rulesText };
  const fresh: Record<Editable, string> = { name: "", description: "", issuer: "", clientId: "", scopes: "openid email profile", rules: RULES_TEMPLATE };
  const current = (name: Editable) => value(name) ?? (stored ?? fresh)[name];
  const text = (name: Editable, label: string, hint?: string, required = true) => (
    <Field label={label} name={name} errors={errors(name)} required={required} hint={hint}>
      {(p) => <Input {...p} defaultValue={current(name)} key={`${name}:${current(name)}`} />}
    </Field>
  );
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={submitLabel}>
      {provider && <input type="hidden" name="providerId" value={provider.id} />}
      {provider === undefined && text("name", t("name"), t("nameHint"))}
      {text("description", t("description"), undefined, false)}
      {text("issuer", t("issuer"), t("issuerHint"))}
      {text("clientId", t("clientId"))}
      <Field
        label={t("clientSecret")}
        name="clientSecret"
        errors={errors("clientSecret")}
        required={provider === undefined}
        hint={provider ? t("clientSecretKeep") : undefined}
      >
        {(p) => <Input {...p} type="password" autoComplete="new-password" />}
      </Field>
      {text("scopes", t("scopes"), t("scopesHint"))}
      <Field label={t("rules")} name="rules" errors={errors("rules")} required hint={t("rulesHint", { shape: RULES_SHAPE })}>
        {(p) => <Textarea {...p} rows={10} spellCheck={false} defaultValue={current("rules")} key={`rules:${current("rules")}`} />}
      </Field>
      <FormMessage state={state} />
      {provider && <p className="text-xs text-slate-600">{t("saveEffect")}</p>}
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
