import Link from "next/link";
import { useTranslations } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { type ReactNode, Suspense } from "react";
import { cn } from "./cn";

/**
 * First / Previous / Next / Last links for a list read by keyset: `previous` and `next` are the
 * cursors the list answered with (null at either end). Other query parameters (a search, filters,
 * the order) are kept. The count streams in after the rows: `count` may take longer than the page.
 */
export function Pagination({
  previous,
  next,
  count,
  params,
  label,
}: {
  previous: string | null;
  next: string | null;
  count?: () => Promise<{ total: number; totalCapped: boolean }>;
  params: Record<string, string>;
  label: string;
}) {
  const t = useTranslations("common.pagination");
  const href = (cursor: Record<string, string>) => `?${new URLSearchParams({ ...params, ...cursor }).toString()}`;
  const link = (to: Record<string, string> | null, text: string) =>
    to !== null ? (
      <Link href={href(to)} className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50">
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={cn("rounded border border-slate-200 px-2.5 py-1 text-slate-400")}>
        {text}
      </span>
    );
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span aria-live="polite">
        {count && (
          <Suspense fallback={t("counting")}>
            <Summary count={count} />
          </Suspense>
        )}
      </span>
      <span className="flex gap-2">
        {link(previous === null ? null : {}, t("firstShort"))}
        {link(previous === null ? null : { before: previous }, t("previousShort"))}
        {link(next === null ? null : { after: next }, t("nextShort"))}
        {link(next === null ? null : { last: "1" }, t("lastShort"))}
      </span>
    </nav>
  );
}

async function Summary({ count }: { count: () => Promise<{ total: number; totalCapped: boolean }> }): Promise<ReactNode> {
  const [{ total, totalCapped }, t, format] = await Promise.all([count(), getTranslations("common.pagination"), getFormatter()]);
  const shown = format.number(total);
  return totalCapped ? t("summaryCapped", { total: shown }) : t("summary", { total: shown });
}
