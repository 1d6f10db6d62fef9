import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "./cn";

/** Previous / Next links that keep the other query parameters (such as a search). */
export function Pagination({
  page,
  pages,
  total,
  params,
  label,
}: {
  page: number;
  pages: number;
  total: number;
  params: Record<string, string>;
  label: string;
}) {
  const t = useTranslations("common.pagination");
  const href = (p: number) => `?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  const link = (p: number, text: string, enabled: boolean) =>
    enabled ? (
      <Link href={href(p)} className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50">
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={cn("rounded border border-slate-200 px-2.5 py-1 text-slate-400")}>
        {text}
      </span>
    );
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>{t("summary", { total: String(total), page: String(page), pages: String(pages) })}</span>
      <span className="flex gap-2">
        {link(page - 1, t("previousShort"), page > 1)}
        {link(page + 1, t("nextShort"), page < pages)}
      </span>
    </nav>
  );
}
