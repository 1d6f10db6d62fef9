import { useTranslations } from "next-intl";

/**
 * The main area while a console page reads its data. Used only by pages that cannot answer 404:
 * a loading boundary starts the response (status 200) before the page runs, so a detail page
 * under one could no longer answer 404 for an unknown id. `label` names what is loading, in the
 * reader's language ("users"): the line reads "Loading users…".
 */
export function PageLoading({ label }: { label: string }) {
  const t = useTranslations("common");
  return (
    <div role="status" className="space-y-4">
      <p className="text-sm text-slate-600">{t("loadingWhat", { what: label })}</p>
      <div aria-hidden="true" className="animate-pulse space-y-3">
        <div className="h-7 w-64 rounded bg-slate-200" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
        <div className="h-40 rounded border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
