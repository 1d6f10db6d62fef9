import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inWords } from "@/messages/words";
import { DateTime } from "@/components/date-time";
import { MarkAllRead } from "@/components/mark-all-read";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { requireCaller } from "@/app/_lib/session";
import { listNotifications } from "@/lib/notifications/notifications";
import { markNotificationsReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

const pageLink = "rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50";

/**
 * What other accounts did that concerns the signed-in principal's own account, newest first; each
 * shown only to those who may see what it is about. While switched, still the own account's: the
 * news is for the person, not for the role.
 */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireCaller();
  const t = await getTranslations("notifications");
  const locale = await getLocale();
  const { items, newestId, anyUnread, olderThan, firstPage } = await listNotifications(await getDb(), caller, await searchParams);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { account: caller.principalAccountName })}
        actions={anyUnread && newestId !== null ? <MarkAllRead action={markNotificationsReadAction} upTo={newestId} /> : undefined}
      />
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-sm text-slate-600">{firstPage ? t("empty") : t("noOlder")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0 flex-1">
                <p className={n.unread ? "font-medium text-slate-900" : "text-slate-700"}>
                  {n.unread && (
                    <StatusBadge tone="warning" className="mr-2">
                      {t("new")}
                    </StatusBadge>
                  )}
                  {inWords(locale, n.message)}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  <DateTime value={n.at} />
                </p>
              </div>
              {n.href && n.linkLabel && (
                <Link href={n.href} className="text-blue-700 hover:underline">
                  {inWords(locale, n.linkLabel)}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {(!firstPage || olderThan !== null) && (
        <nav aria-label={t("more")} className="mt-3 flex gap-2 text-sm">
          {!firstPage && (
            <Link href="/notifications" className={pageLink}>
              {t("newest")}
            </Link>
          )}
          {olderThan !== null && (
            <Link href={`/notifications?before=${olderThan}`} className={pageLink}>
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
