"use client";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { endOtherSignInsAction } from "./actions";

/** Stays on the page after it ran, so the person sees how many sessions were ended. */
export function SignOutOthers({ others }: { others: number }) {
  const t = useTranslations("account.sessions");
  const { state, formAction } = useActionForm(endOtherSignInsAction);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      {others > 0 ? (
        <SubmitButton variant="secondary">{t("signOutOthers")}</SubmitButton>
      ) : (
        state === null && <p className="text-sm text-slate-600">{t("onlySession")}</p>
      )}
    </form>
  );
}
