"use client";
import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";

const POLL_MS = 60_000;

export const unreadLabel = (count: number, max: number) => (count >= max ? `${max - 1}+` : String(count));

/** The top bar's bell: a link to the notifications with the unread count, refreshed while the page is open. */
export function NotificationBell({ unread, max }: { unread: number; max: number }) {
  const t = useTranslations("nav");
  // Keyed by the server's count, so a page drawn after "Mark all as read" starts from the new figure.
  const { data } = useQuery({
    queryKey: ["notifications-unread", unread],
    initialData: unread,
    staleTime: POLL_MS,
    refetchInterval: POLL_MS,
    queryFn: async () => ((await (await fetch("/api/notifications/unread")).json()) as { unread: number }).unread,
  });
  const count = data ?? unread;
  const label = count === 0 ? t("notifications.none") : t("notifications.unread", { count: unreadLabel(count, max) });
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative rounded p-2 hover:bg-white/10">
      <Bell aria-hidden="true" className="size-5" />
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
        >
          {unreadLabel(count, max)}
        </span>
      )}
    </Link>
  );
}
