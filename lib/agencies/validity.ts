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

export const EXPIRING_DAYS = 7;

export type ValidityState = "unlimited" | "active" | "expiring" | "expired";

/** Where an agency stands: expiring means within EXPIRING_DAYS, as the list's status filter counts it. */
export function validityState(expiresAt: Date | null, now: Date): ValidityState {
  if (expiresAt === null) return "unlimited";
  if (isExpired(expiresAt, now)) return "expired";
  return expiresAt.getTime() - now.getTime() <= EXPIRING_DAYS * DAY_MS ? "expiring" : "active";
}
