"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type RoleWords = ReturnType<typeof useTranslations<"roles">>;

function timeLeft(expiresAt: string | null, now: number, t: RoleWords): string {
  if (expiresAt === null) return t("expiry.none");
  const ms = new Date(expiresAt).getTime() - now;
  if (ms <= 0) return t("expiry.expired");
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t("expiry.days", { days, hours });
  if (hours > 0) return t("expiry.hours", { hours, minutes: minutes % 60 });
  return t("expiry.minutes", { minutes: Math.max(1, minutes) });
}

/** Time left on the switched role; polls the server so a revoked or expired role shows without a click. */
export function RoleExpiry({ expiresAt }: { expiresAt: string | null }) {
  const t = useTranslations("roles");
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const status = useQuery({
    queryKey: ["role-status"],
    refetchInterval: 15_000,
    queryFn: async () => (await (await fetch("/api/role/status")).json()) as { switched?: boolean },
  });
  useEffect(() => {
    if (status.data && !status.data.switched) router.refresh();
  }, [status.data, router]);
  return (
    <span role="timer" className="text-xs text-amber-200" aria-label={t("expiry.label")}>
      {timeLeft(expiresAt, now, t)}
    </span>
  );
}
