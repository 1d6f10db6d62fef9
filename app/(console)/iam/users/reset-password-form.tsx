"use client";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Field, Input } from "@/components/ui/field";
import { resetPasswordAction } from "./actions";

/** Behind a disclosure so the table stays compact; the fields say whose password is set. */
export function ResetPasswordForm({ userId, userName }: { userId: string; userName: string }) {
  const { state, formAction, errors, onEdit } = useActionForm(resetPasswordAction);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-blue-700 underline-offset-2 hover:underline">Reset password</summary>
      <form action={formAction} onChange={onEdit} className="mt-2 space-y-2" aria-label={`Reset password of ${userName}`}>
        <input type="hidden" name="userId" value={userId} />
        <Field id={`reset-${userId}-password`} label={`New password for ${userName}`} name="password" errors={errors("password") ?? errors("userId")} required>
          {(p) => <Input {...p} type="password" autoComplete="new-password" />}
        </Field>
        <Field
          id={`reset-${userId}-confirm`}
          label={`Confirm the new password for ${userName}`}
          name="confirmPassword"
          errors={errors("confirmPassword")}
          required
        >
          {(p) => <Input {...p} type="password" autoComplete="new-password" />}
        </Field>
        <p className="text-xs text-slate-600">{userName} is signed out everywhere and signs in with the new password.</p>
        <FormMessage state={state} />
        <SubmitButton variant="secondary">Reset Password</SubmitButton>
      </form>
    </details>
  );
}
