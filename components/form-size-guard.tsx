"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { oversizedForm } from "@/lib/form-size";
import { useWords } from "@/components/use-words";

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function fieldOf(form: HTMLFormElement, name: string): Field | null {
  const item = form.elements.namedItem(name);
  const element = item instanceof RadioNodeList ? item[0] : item;
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement ? element : null;
}

/**
 * Stops any form whose body the server would refuse for its size, before it is sent: the server
 * would answer with an error digest instead of a message. Listens on the window in the capture
 * phase, so it runs before React's own submit handling of form actions.
 */
export function FormSizeGuard() {
  const t = useTranslations("common");
  const words = useWords();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      let data: FormData;
      try {
        data = new FormData(form, event.submitter);
      } catch {
        data = new FormData(form);
      }
      const problem = oversizedForm(data.entries());
      if (problem === null) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // lib/form-size says it as a phrase: put into the reader's language here.
      const text = words(problem.message);
      const field = fieldOf(form, problem.field);
      if (field !== null && field.type !== "hidden") {
        field.setCustomValidity(text);
        field.reportValidity();
        field.addEventListener("input", () => field.setCustomValidity(""), { once: true });
      }
      setMessage(text);
    };
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, [words]);
  if (message === null) return null;
  return (
    <div role="alert" className="fixed inset-x-0 top-0 z-50 flex items-center justify-center gap-3 bg-red-700 px-4 py-2 text-sm text-white">
      <span>{message}</span>
      <button type="button" className="rounded border border-white/60 px-2 py-0.5" onClick={() => setMessage(null)}>
        {t("dismiss")}
      </button>
    </div>
  );
}
