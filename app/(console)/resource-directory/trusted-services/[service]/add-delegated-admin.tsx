"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { serverSearchKey, useServerSearch } from "@/components/use-server-search";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { registerDelegatedAdminAction } from "../../actions";

interface Candidate {
  accountId: string;
  name: string;
  folder: string;
}

/**
 * Add opens the Add Delegated Administrator Account panel; the members it offers are searched on the
 * server as the user types (a directory may hold thousands); select one, OK registers it.
 */
export function AddDelegatedAdmin({
  service,
  serviceName,
  used,
  max,
  trustedAccess,
}: {
  service: string;
  serviceName: string;
  used: number;
  max: number;
  trustedAccess: boolean;
}) {
  const t = useTranslations("rd");
  const tc = useTranslations("common");
  const full = used >= max;
  const usageId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [search, setSearch] = useState("");
  const [opened, setOpened] = useState(false);
  const { found } = useServerSearch<{ candidates: Candidate[]; more?: boolean }>("/api/rd/candidates", { service }, search, {
    enabled: opened,
    failed: t("add.searchFailed"),
  });
  const { state, formAction, errors, onEdit } = useActionForm(registerDelegatedAdminAction, { toast: true });
  const queries = useQueryClient();
  useEffect(() => {
    if (!state?.ok) return;
    dialog.current?.close();
    // The member just registered is no longer a candidate.
    void queries.invalidateQueries({ queryKey: serverSearchKey("/api/rd/candidates", { service }) });
  }, [state, queries, service]);
  const shown = found.data?.candidates ?? [];
  return (
    <>
      <span className="flex items-center gap-2">
        <span id={usageId} className="text-sm text-slate-600">
          {t(full ? "add.usageFull" : "add.usage", { used, max })}
        </span>
        <Button
          onClick={() => {
            setOpened(true);
            dialog.current?.showModal();
          }}
          disabled={full}
          aria-describedby={usageId}
        >
          {tc("add")}
        </Button>
      </span>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} onChange={onEdit} className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("add.title")}
          </h2>
          <input type="hidden" name="service" value={service} />
          {!trustedAccess && <p className="text-sm text-slate-700">{t("add.enablesTrustedAccess", { name: serviceName })}</p>}
          <Input
            type="search"
            aria-label={t("add.search")}
            placeholder={t("add.searchPlaceholder")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("add.member")}</legend>
            <ul aria-busy={found.isFetching} className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200">
              {found.isPending && <li className="px-3 py-4 text-center text-sm text-slate-500">{t("add.searching")}</li>}
              {found.isError && (
                <li role="alert" className="px-3 py-4 text-center text-sm text-red-700">
                  {found.error.message}
                </li>
              )}
              {found.isSuccess && shown.length === 0 && <li className="px-3 py-4 text-center text-sm text-slate-500">{t("add.none")}</li>}
              {shown.map((c) => (
                <li key={c.accountId} className="px-3 py-2">
                  <label className="flex items-start gap-2 text-sm">
                    <input type="radio" name="accountId" value={c.accountId} className="mt-1" />
                    <span>
                      <span className="font-medium">{c.name}</span>
                      <span className="block font-mono text-xs text-slate-500">{c.accountId}</span>
                      <span className="block text-xs text-slate-500">{c.folder}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <p aria-live="polite" className="mt-1 text-xs text-slate-500">
              {found.data?.more ? t("add.narrow") : null}
            </p>
            {errors("accountId")?.length ? <p className="mt-1 text-sm text-red-700">{errors("accountId")!.join(" ")}</p> : null}
          </fieldset>
          {state !== null && !state.ok && <FormMessage state={state} />}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {tc("cancel")}
            </Button>
            <SubmitButton>{t("ok")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
