"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { FormAction } from "@/components/action-state";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { Field, Input } from "@/components/ui/field";
import { useActionForm } from "@/components/use-action-form";
import { useDebounced } from "@/components/use-debounced";
import { useHydrated } from "@/components/use-hydrated";

/**
 * Delegating account and agency, with the agencies of that account that trust the caller's own as
 * one-click suggestions. Both values are held in state, so a refusal leaves them as typed.
 */
export function SwitchRoleForm({
  switchRole,
  initial = {},
  autoFocus = false,
}: {
  switchRole: FormAction;
  initial?: { account?: string; agency?: string };
  autoFocus?: boolean;
}) {
  const t = useTranslations("roles");
  const hydrated = useHydrated();
  const [account, setAccount] = useState(initial.account ?? "");
  const [agency, setAgency] = useState(initial.agency ?? "");
  const listId = useId();
  const { state, formAction, errors, onEdit } = useActionForm(switchRole);
  const accountQuery = useDebounced(account.trim(), 250);
  const suggestions = useQuery({
    queryKey: ["role-agencies", accountQuery],
    enabled: accountQuery.length >= 3,
    queryFn: async () => {
      const response = await fetch(`/api/role/agencies?account=${encodeURIComponent(accountQuery)}`);
      return ((await response.json()) as { agencies: string[] }).agencies;
    },
  });
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("form.label")}>
      {/* Controlled inputs: disabled until React runs, so nothing typed before is lost. */}
      <fieldset disabled={!hydrated} className="space-y-3 disabled:opacity-60">
        <Field label={t("form.account")} name="accountName" errors={errors("accountName")} required hint={t("form.accountHint")}>
          {(p) => <Input {...p} autoFocus={autoFocus} value={account} onChange={(e) => setAccount(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label={t("form.agency")} name="agencyName" errors={errors("agencyName")} required>
          {(p) => <Input {...p} list={listId} value={agency} onChange={(e) => setAgency(e.target.value)} autoComplete="off" />}
        </Field>
        <datalist id={listId}>
          {(suggestions.data ?? []).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {suggestions.data && suggestions.data.length > 0 && (
          <div>
            <p className="text-xs text-slate-500">{t("form.suggestionsIntro", { account: accountQuery })}</p>
            <ul aria-label={t("form.suggestionsLabel")} className="mt-1 flex flex-wrap gap-1">
              {suggestions.data.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs text-blue-700 hover:bg-slate-100"
                    onClick={() => setAgency(name)}
                  >
                    {name}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FormMessage state={state} />
        <SubmitButton>{t("switchRole")}</SubmitButton>
      </fieldset>
    </form>
  );
}
