import type { Notification } from "@/db/schema";
import { type Phrase, phrase, term } from "@/lib/i18n/message";

/** A notification as phrases (put into words by the page), with where it leads (null where nothing is left to see). */
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

/** What an agency change did, from the facts the change recorded: its parts joined one to the next. */
function describeChange(detail: unknown): Phrase {
  const d = (detail ?? {}) as Record<string, unknown>;
  const parts: Phrase[] = [];
  const added = list(d.added);
  if (added !== null) parts.push(term("domain.notifications.change.added", { policies: added }));
  const removed = text(d, "removed");
  if (removed !== null) parts.push(term("domain.notifications.change.removed", { policy: removed }));
  if ("expiresAt" in d) {
    const expiresAt = text(d, "expiresAt");
    parts.push(
      expiresAt === null ? term("domain.notifications.change.noExpiry") : term("domain.notifications.change.expires", { date: expiresAt.slice(0, 10) }),
    );
  }
  if (d.description === true) parts.push(term("domain.notifications.change.description"));
  if (parts.length === 0) return term("domain.notifications.change.settings");
  return parts.reduce((all, part) => term("domain.notifications.change.and", { first: all, next: part }));
}

const switchRoleHref = (account: string, agency: string) => `/switch-role?${new URLSearchParams({ account, agency })}`;

export function describeNotification(n: Pick<Notification, "kind" | "fromAccountName" | "subject" | "detail">): NotificationText {
  const from = n.fromAccountName;
  switch (n.kind) {
    case "agency_created":
      return {
        message: phrase("domain.notifications.agencyCreated", { from, agency: n.subject }),
        href: switchRoleHref(from, n.subject),
        linkLabel: phrase("domain.notifications.switchTo", { role: `${n.subject}@${from}` }),
      };
    case "agency_changed":
      return {
        message: phrase("domain.notifications.agencyChanged", { from, agency: n.subject, change: describeChange(n.detail) }),
        href: switchRoleHref(from, n.subject),
        linkLabel: phrase("domain.notifications.switchTo", { role: `${n.subject}@${from}` }),
      };
    case "agency_deleted":
      return { message: phrase("domain.notifications.agencyDeleted", { from, agency: n.subject }), href: null, linkLabel: null };
    case "delegated_admin_added": {
      const service = text(n.detail, "service");
      return {
        message: phrase("domain.notifications.delegatedAdded", { from, service: n.subject }),
        href: service === null ? "/delegated-admin" : `/delegated-admin/${encodeURIComponent(service)}`,
        linkLabel: phrase("domain.notifications.open", { service: n.subject }),
      };
    }
    case "delegated_admin_removed":
      return {
        message: phrase("domain.notifications.delegatedRemoved", { from, service: n.subject }),
        href: null,
        linkLabel: null,
      };
    case "role_switched_in": {
      const agencyId = text(n.detail, "agencyId");
      return {
        message: phrase("domain.notifications.switchedIn", { who: text(n.detail, "principal") ?? from, agency: n.subject }),
        href: agencyId === null ? null : `/agencies/${agencyId}`,
        linkLabel: phrase("domain.notifications.viewAgency", { agency: n.subject }),
      };
    }
  }
}
