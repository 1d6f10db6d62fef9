"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import type { FormAction } from "@/components/action-state";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export interface RecentRole {
  accountName: string;
  agencyName: string;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The top bar's Switch Role menu: delegating account and agency, with suggestions and recent roles. */
export function RoleMenu({ recent, switchRole }: { recent: RecentRole[]; switchRole: FormAction }) {
  const [open, setOpen] = useState(false);
  const [account, setAccount] = useState("");
  const panelId = useId();
  const listId = useId();
  const panel = useRef<HTMLElement>(null);
  const { state, formAction, errors } = useActionForm(switchRole);
  const recentAction = useActionForm(switchRole);
  const accountQuery = useDebounced(account.trim(), 250);
  const suggestions = useQuery({
    queryKey: ["role-agencies", accountQuery],
    enabled: open && accountQuery.length >= 3,
    queryFn: async () => {
      const response = await fetch(`/api/role/agencies?account=${encodeURIComponent(accountQuery)}`);
      return ((await response.json()) as { agencies: string[] }).agencies;
    },
  });

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const recentError = recentAction.refusal;
  return (
    <div className="relative">
      <Button variant="onDark" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Switch Role
      </Button>
      {open && (
        <section
          ref={panel}
          id={panelId}
          aria-label="Switch Role"
          className="absolute right-0 z-20 mt-2 w-80 space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-xl"
        >
          <form action={formAction} className="space-y-3" aria-label="Switch role">
            <Field label="Account" name="accountName" errors={errors("accountName")} required hint="The delegating account's name.">
              {(p) => <Input {...p} autoFocus value={account} onChange={(e) => setAccount(e.target.value)} autoComplete="off" />}
            </Field>
            <Field label="Agency" name="agencyName" errors={errors("agencyName")} required>
              {(p) => <Input {...p} list={listId} autoComplete="off" />}
            </Field>
            <datalist id={listId}>
              {(suggestions.data ?? []).map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            {suggestions.data && suggestions.data.length > 0 && (
              <p className="text-xs text-slate-500">
                Agencies of {accountQuery} that trust your account: {suggestions.data.join(", ")}
              </p>
            )}
            <FormMessage state={state} />
            <SubmitButton>Switch Role</SubmitButton>
          </form>
          {recent.length > 0 && (
            <div>
              <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Recent roles</h3>
              <ul aria-label="Recent roles" className="space-y-1">
                {recent.map((role) => (
                  <li key={`${role.accountName}/${role.agencyName}`}>
                    <form action={recentAction.formAction}>
                      <input type="hidden" name="accountName" value={role.accountName} />
                      <input type="hidden" name="agencyName" value={role.agencyName} />
                      <button type="submit" className="w-full rounded px-2 py-1 text-left text-sm text-blue-700 hover:bg-slate-100">
                        {role.agencyName}@{role.accountName}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
              {recentError && (
                <p role="alert" className="mt-1 text-sm text-red-700">
                  {recentError}
                </p>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
