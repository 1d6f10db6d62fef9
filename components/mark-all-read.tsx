"use client";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/action-state";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/use-action-form";

/**
 * "Mark all as read": marks up to the newest notification shown. The button goes once nothing is
 * unread, so focus moves to the page's heading rather than being lost.
 */
export function MarkAllRead({ action, upTo }: { action: FormAction; upTo: number }) {
  const t = useTranslations("notifications");
  const { formAction, pending, refusal } = useActionForm(
    async (previous, data) => {
      const result = await action(previous, data);
      if (result?.ok) {
        setTimeout(() => {
          const heading = document.querySelector<HTMLElement>("main h1");
          heading?.setAttribute("tabindex", "-1");
          heading?.focus();
        }, 0);
      }
      return result;
    },
    { toast: true },
  );
  return (
    <form action={formAction}>
      <input type="hidden" name="upTo" value={upTo} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("markAllRead")}
      </Button>
      {refusal && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {refusal}
        </span>
      )}
    </form>
  );
}
