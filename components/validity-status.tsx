import { useTranslations } from "next-intl";
import { DateTime } from "@/components/date-time";
import { StatusBadge, type StatusTone } from "@/components/ui/status-badge";
import { type ValidityState, validityState } from "@/lib/agencies/validity";

const tones: Record<ValidityState, StatusTone> = {
  unlimited: "neutral",
  active: "ok",
  expiring: "warning",
  expired: "danger",
};

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The time an agency has left, rounded down to its largest unit (at least one minute). */
function timeLeft(expiresAt: Date, now: Date): { unit: "inDays" | "inHours" | "inMinutes"; count: number } {
  const ms = expiresAt.getTime() - now.getTime();
  if (ms >= DAY_MS) return { unit: "inDays", count: Math.floor(ms / DAY_MS) };
  if (ms >= HOUR_MS) return { unit: "inHours", count: Math.floor(ms / HOUR_MS) };
  return { unit: "inMinutes", count: Math.max(1, Math.floor(ms / MINUTE_MS)) };
}

/** An agency's validity as a badge, with the expiry date and the time left. */
export function ValidityStatus({ expiresAt, now }: { expiresAt: Date | null; now: Date }) {
  const t = useTranslations("agencies");
  const state = validityState(expiresAt, now);
  const date = () => (expiresAt === null ? null : <DateTime value={expiresAt} />);
  const left = expiresAt === null ? null : timeLeft(expiresAt, now);
  return (
    <span className="flex flex-col items-start gap-0.5">
      <StatusBadge tone={tones[state]}>{t(`validity.${state}`)}</StatusBadge>
      {expiresAt !== null && left !== null && (
        <span className="whitespace-nowrap text-xs text-slate-600">
          {state === "expired"
            ? t.rich("validity.expiredAt", { date })
            : t.rich("validity.expiresIn", { date, left: t(`validity.${left.unit}`, { count: left.count }) })}
        </span>
      )}
    </span>
  );
}
