"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { Button } from "@/components/ui/button";
import { endUserSignInsAction } from "./sign-in-actions";

/**
 * Ends every sign-in of a user after a confirmation. Nothing on the row changes when it succeeds,
 * so the outcome stays beside the button.
 */
export function EndUserSessions({ userId, userName }: { userId: string; userName: string }) {
  const t = useTranslations("iam.users.signOut");
  const tc = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { state, formAction } = useActionForm(endUserSignInsAction);
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  return (
    <>
      <Button variant="link" onClick={() => dialog.current?.showModal()} aria-label={t("label", { name: userName })}>
        {t("trigger")}
      </Button>
      {state?.ok && (
        <span role="status" className="ml-2 text-xs text-green-800">
          {state.message}
        </span>
      )}
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-700">{t("message", { name: userName })}</p>
          <input type="hidden" name="userId" value={userId} />
          {state !== null && !state.ok && <FormMessage state={state} />}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {tc("cancel")}
            </Button>
            <SubmitButton variant="danger">{t("submit")}</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
