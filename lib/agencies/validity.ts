import { utcMinute } from "@/lib/format";

const DAY_MS = 24 * 60 * 60 * 1000;

export type ValidityKind = "unlimited" | "one_day" | "custom";

/** When an agency set to this validity now stops working; null for Unlimited. */
export function expiryFor(kind: ValidityKind, days: number | null, now: Date): Date | null {
  if (kind === "unlimited") return null;
  return new Date(now.getTime() + (kind === "one_day" ? 1 : (days ?? 1)) * DAY_MS);
}

export function isExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

export function describeValidity(expiresAt: Date | null, now: Date): string {
  if (expiresAt === null) return "Unlimited";
  if (isExpired(expiresAt, now)) return "Expired";
  return `Expires ${utcMinute(expiresAt)}`;
}
