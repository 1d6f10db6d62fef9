"use client";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Select } from "@/components/ui/field";
import { addUserToGroupAction } from "./actions";

export function AddToGroupForm({ userId, userName, groups }: { userId: string; userName: string; groups: { id: string; name: string }[] }) {
  const t = useTranslations("iam.users.addToGroup");
  const tc = useTranslations("common");
  const { formAction, refusal: error } = useActionForm(addUserToGroupAction);
  if (groups.length === 0) return null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="userId" value={userId} />
      <Select name="groupId" aria-label={t("label", { name: userName })} className="w-auto py-1" defaultValue="">
        <option value="" disabled>
          {t("placeholder")}
        </option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </Select>
      <SubmitButton variant="secondary">{tc("add")}</SubmitButton>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
