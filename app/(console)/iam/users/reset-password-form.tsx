"use client";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { resetPasswordAction } from "./actions";

/** Behind a disclosure so the table stays compact; the fields say whose password is set. */
export function ResetPasswordForm({ userId, userName }: { userId: string; userName: string }) {
  const t = useTranslations("iam.users.resetPassword");
  const { state, formAction, errors, onEdit } = useActionForm(resetPasswordAction);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-700 underline-offset-2 hover:underline">{t("summary")}</summary>
      <form action={formAction} onChange={onEdit} className="mt-2 space-y-2" aria-label={t("formLabel", { name: userName })}>
        <input type="hidden" name="userId" value={userId} />
        <Field
          id={`reset-${userId}-password`}
          label={t("password", { name: userName })}
          name="password"
          errors={errors("password") ?? errors("userId")}
          required
        >
          {(p) => <Input {...p} type="password" autoComplete="new-password" />}
        </Field>
        <Field id={`reset-${userId}-confirm`} label={t("confirm", { name: userName })} name="confirmPassword" errors={errors("confirmPassword")} required>
          {(p) => <Input {...p} type="password" autoComplete="new-password" />}
        </Field>
        <p className="text-xs text-slate-600">{t("note", { name: userName })}</p>
        <FormMessage state={state} />
        <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
      </form>
    </details>
  );
}
