import type { ReactNode } from "react";
import { cn } from "./cn";

export type StatusTone = "ok" | "warning" | "danger" | "neutral";

const tones: Record<StatusTone, string> = {
  ok: "bg-green-50 text-green-800 ring-green-600/20",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/30",
  danger: "bg-red-50 text-red-800 ring-red-600/20",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** A short state (Active, Expires in 3 days, Expired) whose colour carries meaning; the words carry it too. */
export function StatusBadge({ tone, children, className }: { tone: StatusTone; children: ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset", tones[tone], className)}>
      {children}
    </span>
  );
}
