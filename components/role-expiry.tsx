"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function timeLeft(expiresAt: string | null, now: number): string {
  if (expiresAt === null) return "No expiry";
  const ms = new Date(expiresAt).getTime() - now;
  if (ms <= 0) return "Expired";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `Expires in ${days} d ${hours} h`;
  if (hours > 0) return `Expires in ${hours} h ${minutes % 60} min`;
  return `Expires in ${Math.max(1, minutes)} min`;
}

/** Time left on the switched role; polls the server so a revoked or expired role shows without a click. */
export function RoleExpiry({ expiresAt }: { expiresAt: string | null }) {
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
    <span role="timer" className="text-xs text-amber-200" aria-label="Role expiry">
      {timeLeft(expiresAt, now)}
    </span>
  );
}
