"use client";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useServerSearch } from "@/components/use-server-search";
import { useHydrated } from "@/components/use-hydrated";
import { createFolderAction, inviteAccountAction, moveMemberAction, renameFolderAction } from "../actions";

type FolderChoices = { folders: { id: string; path: string }[]; more: boolean };

/** Creates a folder in the folder open in the tree (open another folder to create there). */
export function CreateFolderForm({ parentId, path }: { parentId: string; path: string }) {
  const t = useTranslations("rd");
  const { state, formAction, errors, value, onEdit } = useActionForm(createFolderAction);
  const parentErrors = errors("parentId");
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("forms.createFolder")}>
      <input type="hidden" name="parentId" value={parentId} />
      <p className="text-sm text-slate-600">{t("forms.createIn", { path })}</p>
      {parentErrors?.length ? <p className="text-sm text-red-700">{parentErrors.join(" ")}</p> : null}
      <Field label={t("forms.folderName")} name="name" errors={errors("name")} required>
        {(p) => <Input {...p} defaultValue={value("name")} key={`n${value("name")}`} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("structure.createFolder")}</SubmitButton>
    </form>
  );
}

export function InviteForm() {
  const t = useTranslations("rd");
  const { state, formAction, errors, value, onEdit } = useActionForm(inviteAccountAction);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("forms.inviteAccount")}>
      <Field label={t("accountName")} name="accountName" errors={errors("accountName")} required hint={t("forms.inviteHint")}>
        {(p) => <Input {...p} defaultValue={value("accountName")} key={`a${value("accountName")}`} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("structure.inviteAccount")}</SubmitButton>
    </form>
  );
}

export function RenameFolderForm({ folderId, name }: { folderId: string; name: string }) {
  const t = useTranslations("rd");
  const { formAction, refusal: error } = useActionForm(renameFolderAction);
  return (
    <form action={formAction} className="flex items-center gap-1" aria-label={t("forms.renameFolder", { name })}>
      <input type="hidden" name="folderId" value={folderId} />
      <Input name="name" aria-label={t("forms.newName", { name })} defaultValue={name} className="w-36 py-0.5" />
      <SubmitButton variant="secondary">{t("forms.rename")}</SubmitButton>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}

/**
 * Moves a member to another folder. The first folders by name come with the page, so the form works
 * at once; typing searches every folder on the server (a directory may hold thousands).
 */
export function MoveMemberForm({ accountId, name, folderId, initial }: { accountId: string; name: string; folderId: string; initial: FolderChoices }) {
  const t = useTranslations("rd");
  const { formAction, refusal: error } = useActionForm(moveMemberAction);
  const hydrated = useHydrated();
  const [search, setSearch] = useState("");
  const { q, found } = useServerSearch<FolderChoices>("/api/rd/folders", {}, search, { enabled: search.trim() !== "", failed: t("forms.folderSearchFailed") });
  const choices = q === "" ? initial : (found.data ?? initial);
  const legendId = useId();
  return (
    <form action={formAction} className="space-y-2" aria-label={t("forms.moveMember", { name })}>
      <input type="hidden" name="accountId" value={accountId} />
      <Input
        type="search"
        aria-label={t("forms.findFolder")}
        placeholder={t("forms.findFolder")}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        disabled={!hydrated}
      />
      <fieldset aria-labelledby={legendId}>
        <legend id={legendId} className="mb-1 text-sm font-medium text-slate-700">
          {t("forms.folderFor", { name })}
        </legend>
        <ul aria-busy={found.isFetching} className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-200">
          {q !== "" && found.isError && (
            <li role="alert" className="px-3 py-3 text-center text-sm text-red-700">
              {found.error.message}
            </li>
          )}
          {choices.folders.length === 0 && <li className="px-3 py-3 text-center text-sm text-slate-500">{t("forms.noFolders")}</li>}
          {choices.folders.map((f) => (
            <li key={f.id} className="px-3 py-1.5">
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="folderId" value={f.id} defaultChecked={f.id === folderId} />
                <span>{f.path}</span>
                {f.id === folderId && <span className="text-xs text-slate-500">({t("forms.current")})</span>}
              </label>
            </li>
          ))}
        </ul>
        <p aria-live="polite" className="mt-1 text-xs text-slate-500">
          {choices.more ? t("forms.narrowFolders") : null}
        </p>
      </fieldset>
      <div className="flex items-center gap-2">
        <SubmitButton variant="secondary">{t("forms.move")}</SubmitButton>
        {error && (
          <span role="alert" className="text-xs text-red-700">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
