"use client";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { createFolderAction, inviteAccountAction, moveMemberAction, renameFolderAction } from "../actions";

type Folder = { id: string; path: string };

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

export function MoveMemberForm({ accountId, name, folderId, folders }: { accountId: string; name: string; folderId: string; folders: Folder[] }) {
  const t = useTranslations("rd");
  const { formAction, refusal: error } = useActionForm(moveMemberAction);
  return (
    <form action={formAction} className="flex items-center gap-1" aria-label={t("forms.moveMember", { name })}>
      <input type="hidden" name="accountId" value={accountId} />
      <Select name="folderId" aria-label={t("forms.folderFor", { name })} defaultValue={folderId} className="w-auto py-0.5">
        {folders.map((f) => (
          <option key={f.id} value={f.id}>
            {f.path}
          </option>
        ))}
      </Select>
      <SubmitButton variant="secondary">{t("forms.move")}</SubmitButton>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
