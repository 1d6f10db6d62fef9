"use client";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { useActionForm } from "@/components/use-action-form";
import { endOtherSignInsAction } from "./actions";

/** Stays on the page after it ran, so the person sees how many sessions were ended. */
export function SignOutOthers({ others }: { others: number }) {
  const { state, formAction } = useActionForm(endOtherSignInsAction);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      {others > 0 ? (
        <SubmitButton variant="secondary">Sign out other sessions</SubmitButton>
      ) : (
        state === null && <p className="text-sm text-slate-600">This is your only active session.</p>
      )}
    </form>
  );
}
