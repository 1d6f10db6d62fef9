"use client";
import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/components/action-state";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";

export function SubmitButton({ children, variant = "primary" }: { children: string; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? `${children}…` : children}
    </Button>
  );
}

/** The form-level outcome: a success note, or the error that belongs to no single field. */
export function FormMessage({ state }: { state: ActionState }) {
  const t = useTranslations("common");
  if (state === null) return null;
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  if (state.formError) return <Alert tone="error">{state.formError}</Alert>;
  if (Object.keys(state.fieldErrors).length > 0) return <Alert tone="error">{t("checkFields")}</Alert>;
  return null;
}
