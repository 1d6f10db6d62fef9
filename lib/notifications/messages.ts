import type { Notification } from "@/db/schema";

/** A notification in words, with where it leads (null where nothing is left to see). */
export interface NotificationText {
  message: string;
  href: string | null;
  linkLabel: string | null;
}

const text = (detail: unknown, key: string): string | null => {
  const value = (detail as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
};

const list = (value: unknown): string | null =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string") ? value.join(", ") : null;

/** What an agency change did, from the facts the change recorded. */
function describeChange(detail: unknown): string {
  const d = (detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  const added = list(d.added);
  if (added !== null) parts.push(`permissions added (${added})`);
  const removed = text(d, "removed");
  if (removed !== null) parts.push(`permission removed (${removed})`);
  if ("expiresAt" in d) {
    const expiresAt = text(d, "expiresAt");
    parts.push(expiresAt === null ? "it no longer expires" : `it now expires on ${expiresAt.slice(0, 10)}`);
  }
  if (d.description === true) parts.push("its description changed");
  return parts.length === 0 ? "its settings changed" : parts.join("; ");
}

const switchRoleHref = (account: string, agency: string) => `/switch-role?${new URLSearchParams({ account, agency })}`;

export function describeNotification(n: Pick<Notification, "kind" | "fromAccountName" | "subject" | "detail">): NotificationText {
  const from = n.fromAccountName;
  switch (n.kind) {
    case "agency_created":
      return {
        message: `${from} created the agency ${n.subject}, which trusts your account.`,
        href: switchRoleHref(from, n.subject),
        linkLabel: `Switch role to ${n.subject}@${from}`,
      };
    case "agency_changed":
      return {
        message: `${from} changed the agency ${n.subject}: ${describeChange(n.detail)}.`,
        href: switchRoleHref(from, n.subject),
        linkLabel: `Switch role to ${n.subject}@${from}`,
      };
    case "agency_deleted":
      return { message: `${from} deleted the agency ${n.subject}; your account can no longer switch into it.`, href: null, linkLabel: null };
    case "delegated_admin_added": {
      const service = text(n.detail, "service");
      return {
        message: `Your account is now a delegated administrator of ${n.subject} in the resource directory of ${from}.`,
        href: service === null ? "/delegated-admin" : `/delegated-admin/${encodeURIComponent(service)}`,
        linkLabel: `Open ${n.subject}`,
      };
    }
    case "delegated_admin_removed":
      return {
        message: `Your account is no longer a delegated administrator of ${n.subject} in the resource directory of ${from}.`,
        href: null,
        linkLabel: null,
      };
    case "role_switched_in": {
      const agencyId = text(n.detail, "agencyId");
      return {
        message: `${text(n.detail, "principal") ?? from} switched into the agency ${n.subject}.`,
        href: agencyId === null ? null : `/agencies/${agencyId}`,
        linkLabel: `View agency ${n.subject}`,
      };
    }
  }
}
