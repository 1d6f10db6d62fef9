import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { resolveRequest } from "@/app/_lib/session";
import { unreadNotificationCount } from "@/lib/notifications/notifications";

/** Polled by the top bar's bell, so news from other accounts shows without reloading the page. */
export async function GET() {
  const identity = await resolveRequest();
  if (identity === null) return NextResponse.json({ unread: 0 }, { status: 401, headers: { "cache-control": "no-store" } });
  const unread = await unreadNotificationCount(await getDb(), identity.caller);
  return NextResponse.json({ unread }, { headers: { "cache-control": "no-store" } });
}
