"use client";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Select } from "@/components/ui/field";
import { addUserToGroupAction } from "../../users/actions";

export function AddMemberForm({ groupId, users }: { groupId: string; users: { id: string; name: string }[] }) {
  const t = useTranslations("iam.groups.addMember");
  const { state, formAction, errors, onEdit } = useActionForm(addUserToGroupAction);
  return (
    <form action={formAction} onChange={onEdit} className="space-y-3" aria-label={t("formLabel")}>
      <input type="hidden" name="groupId" value={groupId} />
      {/* The group is fixed here, so what is said of it (already a member, more than you may hand on) shows at the user. */}
      <Field label={t("user")} name="userId" errors={errors("userId") ?? errors("groupId")} required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="" disabled>
              {t("placeholder")}
            </option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <FormMessage state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
