"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm, type FormAction } from "@/components/use-action-form";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** A destructive action behind a confirmation dialog; the dialog stays open to show a refusal. */
export function ConfirmAction({
  action,
  fields,
  trigger,
  triggerLabel,
  title,
  message,
  confirmLabel,
  triggerVariant = "link",
  triggerDisabled = false,
}: {
  action: FormAction;
  fields: Record<string, string | string[]>;
  trigger: string;
  triggerLabel?: string;
  title: string;
  message: string;
  /** The verb of the step ("Delete", "Stop", "Remove"), never a bare OK. */
  confirmLabel: string;
  triggerVariant?: ButtonVariant;
  triggerDisabled?: boolean;
}) {
  const t = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { state, formAction } = useActionForm(action, { toast: true });
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button variant={triggerVariant} onClick={() => dialog.current?.showModal()} aria-label={triggerLabel} disabled={triggerDisabled}>
        {trigger}
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <p className="text-sm text-slate-700">{message}</p>
          {Object.entries(fields).flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={v} />),
          )}
          {state !== null && !state.ok && <FormMessage state={state} />}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <SubmitButton variant="danger">{confirmLabel}</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
