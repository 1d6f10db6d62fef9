import type { Metadata } from "next";
import Link from "next/link";
import { InlineAction } from "@/components/inline-action";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { requireCaller } from "@/app/_lib/session";
import { utcMinute } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/notifications";
import { markNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

/** What other accounts did that concerns this one, newest first; each shown only to those who may see what it is about. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireCaller();
  const { items, newestId, olderThan } = await listNotifications(await getDb(), caller, await searchParams);
  const unread = items.some((n) => n.unread);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Agencies other accounts create, change or delete for your account, delegated administration of trusted services, and who switches into your agencies."
        actions={
          unread && newestId !== null ? (
            <InlineAction action={markNotificationsReadAction} fields={{ upTo: String(newestId) }} label="Mark all as read" variant="secondary" />
          ) : undefined
        }
      />
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-sm text-slate-600">No notifications yet.</p>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className={n.unread ? "font-medium text-slate-900" : "text-slate-700"}>
                  {n.unread && (
                    <StatusBadge tone="warning" className="mr-2">
                      New
                    </StatusBadge>
                  )}
                  {n.message}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  <time dateTime={n.at.toISOString()}>{utcMinute(n.at)}</time>
                </p>
              </div>
              {n.href && n.linkLabel && (
                <Link href={n.href} className="text-blue-700 hover:underline">
                  {n.linkLabel}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {olderThan !== null && (
        <nav aria-label="Older notifications" className="mt-3 text-sm">
          <Link href={`?before=${olderThan}`} className="rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50">
            Older notifications
          </Link>
        </nav>
      )}
    </>
  );
}
