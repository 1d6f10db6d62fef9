"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE as COOKIE } from "@/lib/i18n/languages";

type WithTemporal = typeof globalThis & { Temporal?: { Now: { timeZoneId(): string } } };

/**
 * The browser's IANA time zone. Temporal answers at once; Intl.DateTimeFormat first loads the
 * time zone data (25–50 ms of main thread on every page load in Chromium), so it is the fallback.
 */
export function browserTimeZone(): string | undefined {
  const temporal = (globalThis as WithTemporal).Temporal;
  return temporal ? temporal.Now.timeZoneId() : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Tells the server the browser's time zone once (and again if it changes), so times render in it. */
export function TimeZoneSync() {
  const router = useRouter();
  useEffect(() => {
    const zone = browserTimeZone();
    const sent = document.cookie
      .split("; ")
      .find((c) => c.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1);
    if (!zone || sent === encodeURIComponent(zone)) return;
    // biome-ignore lint/suspicious/noDocumentCookie: a display preference the server reads; nothing secret.
    document.cookie = `${COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    // Only a zone other than UTC changes what the server wrote.
    if (zone !== "UTC" && zone !== "Etc/UTC") router.refresh();
  }, [router]);
  return null;
}
