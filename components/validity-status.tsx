import { StatusBadge, type StatusTone } from "@/components/ui/status-badge";
import { timeLeft, type ValidityState, validityState } from "@/lib/agencies/validity";
import { utcMinute } from "@/lib/format";

const badge: Record<ValidityState, { tone: StatusTone; label: string }> = {
  unlimited: { tone: "neutral", label: "Unlimited" },
  active: { tone: "ok", label: "Active" },
  expiring: { tone: "warning", label: "Expiring soon" },
  expired: { tone: "danger", label: "Expired" },
};

/** An agency's validity as a badge, with the expiry date and the time left. */
export function ValidityStatus({ expiresAt, now }: { expiresAt: Date | null; now: Date }) {
  const state = validityState(expiresAt, now);
  return (
    <span className="flex flex-col items-start gap-0.5">
      <StatusBadge tone={badge[state].tone}>{badge[state].label}</StatusBadge>
      {expiresAt !== null && (
        <span className="whitespace-nowrap text-xs text-slate-600">
          {state === "expired" ? `Expired ${utcMinute(expiresAt)}` : `Expires ${utcMinute(expiresAt)} (${timeLeft(expiresAt, now)})`}
        </span>
      )}
    </span>
  );
}
