"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** The server's reference for a failure (Next's digest), never its message: that stays in the server log. */
export function referenceOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" ? error.digest : undefined;
}

/** What an error boundary shows for an unexpected failure, with a retry that fetches and renders the segment again. */
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const reference = referenceOf(error);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">{t("errorTitle")}</h1>
      <div role="alert" className="max-w-2xl rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
        <p>{t("errorText")}</p>
        {reference && <p className="mt-1">{t("errorReference", { reference })}</p>}
      </div>
      <Button onClick={() => retry()}>{t("tryAgain")}</Button>
    </div>
  );
}
