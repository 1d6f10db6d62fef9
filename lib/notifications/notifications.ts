/**
 * Notifications of the principal's own account: what other accounts did that concerns it. Each
 * kind is shown only to a principal the engine lets see what it is about, so a notification never
 * tells more than the pages it links to.
 */
import { and, desc, eq, gt, inArray, lt, max, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Notification, type NotificationKind, notificationKinds, notificationReads, notifications } from "@/db/schema";
import type { GuardedRequest } from "@/lib/authz/authorize";
import { authorizer } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { urn } from "@/lib/authz/urn";
import { type Caller, ownAccountCaller } from "@/lib/caller";
import { phrase, term } from "@/lib/i18n/message";
import { describeNotification, type NotificationText } from "@/lib/notifications/messages";
import { ownedBy } from "@/lib/owned-by";
import { assumeRequest } from "@/lib/roles/role-sessions";
import { rdActions } from "@/lib/rd/actions";
import { decimalInteger } from "@/lib/validation";

export const NOTIFICATIONS_PAGE_SIZE = 30;
/** The bell counts this many at most and shows "99+" beyond. */
export const UNREAD_COUNTED = 100;
const SCAN_CHUNK = 200;
const SCAN_CHUNKS = 10;

/** What a principal must be allowed to see a notification: what it would be allowed to open. */
function readRequest(reader: Caller, n: Pick<Notification, "kind" | "fromAccountName" | "subject">): GuardedRequest {
  switch (n.kind) {
    case "agency_created":
    case "agency_changed":
    case "agency_deleted":
      // News of an agency trusting the account is for those who may switch into it.
      return assumeRequest(reader, n.fromAccountName, n.subject);
    case "delegated_admin_added":
    case "delegated_admin_removed":
      return {
        action: rdActions.listMyDelegated,
        resource: urn("resourcemanager", null, reader.accountId, "account", reader.accountId),
        target: "delegated administrator services",
      };
    case "role_switched_in":
      return { action: "iam:agencies:get", resource: urn("iam", null, reader.accountId, "agency", n.subject), target: `agency ${n.subject}` };
  }
}

const readerOf = (caller: Caller) => ownAccountCaller(caller);

async function lastReadId(db: Db, reader: Caller): Promise<number> {
  const [row] = await db.select({ id: notificationReads.lastReadId }).from(notificationReads).where(ownedBy(notificationReads, reader));
  return row?.id ?? 0;
}

/**
 * The kinds the reader could see at least one of (the engine asked about any resource). Rows of the
 * other kinds are never read, so however many of them another account causes, they cost nothing
 * and hide nothing.
 */
function visibleKinds(reader: Caller, check: (request: GuardedRequest) => { allowed: boolean }): NotificationKind[] {
  const example = { fromAccountName: "*", subject: "*" };
  return notificationKinds.filter((kind) => check({ ...readRequest(reader, { kind, ...example }), anyScope: true }).allowed);
}

interface Scan {
  rows: Notification[];
  /** Where to go on from when the scan stopped before the oldest notification (null: nothing older). */
  resumeBefore: number | null;
}

/**
 * Up to `limit` notifications the reader may see, newest first, with ids in (`after`, `before`).
 * Reads in chunks and stops after a bounded number (rows of a visible kind that one Deny hides), and
 * then says where it stopped, so a page can always go on.
 */
async function visible(db: Db, reader: Caller, range: { after?: number; before?: number }, limit: number): Promise<Scan> {
  const check = await authorizer(db, reader);
  const kinds = visibleKinds(reader, check);
  if (kinds.length === 0) return { rows: [], resumeBefore: null };
  const shown: Notification[] = [];
  let before = range.before;
  for (let chunk = 0; chunk < SCAN_CHUNKS; chunk++) {
    const rows = await db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.accountId, reader.accountId),
          inArray(notifications.kind, kinds),
          range.after === undefined ? undefined : gt(notifications.id, range.after),
          before === undefined ? undefined : lt(notifications.id, before),
        ),
      )
      .orderBy(desc(notifications.id))
      .limit(SCAN_CHUNK);
    for (const n of rows) {
      if (!check(readRequest(reader, n)).allowed) continue;
      if (shown.length === limit) return { rows: shown, resumeBefore: shown.at(-1)!.id };
      shown.push(n);
    }
    if (rows.length < SCAN_CHUNK) return { rows: shown, resumeBefore: null };
    before = rows.at(-1)!.id;
  }
  return { rows: shown, resumeBefore: before ?? null };
}

export interface ListedNotification extends NotificationText {
  id: number;
  at: Date;
  unread: boolean;
}

const pageQuery = z.object({ before: decimalInteger(phrase("validation.selectValid", { thing: term("validation.things.page") })).optional() });

/**
 * A page of the account's notifications, newest first (keyset by id), with where the next page
 * starts and the newest notification of all (what "Mark all as read" marks up to, from any page).
 */
export async function listNotifications(db: Db, caller: Caller, rawQuery: unknown = {}) {
  const reader = readerOf(caller);
  const parsed = pageQuery.safeParse(rawQuery);
  const before = parsed.success ? parsed.data.before : undefined;
  const [read, page, newest] = await Promise.all([
    lastReadId(db, reader),
    visible(db, reader, { before }, NOTIFICATIONS_PAGE_SIZE),
    before === undefined ? null : visible(db, reader, {}, 1),
  ]);
  const items: ListedNotification[] = page.rows.map((n) => ({ id: n.id, at: n.at, unread: n.id > read, ...describeNotification(n) }));
  const newestId = (newest === null ? page.rows[0]?.id : newest.rows[0]?.id) ?? null;
  return { items, newestId, anyUnread: newestId !== null && newestId > read, olderThan: page.resumeBefore, firstPage: before === undefined };
}

/** How many notifications the reader has not read yet, counted up to UNREAD_COUNTED. */
export async function unreadNotificationCount(db: Db, caller: Caller): Promise<number> {
  const reader = readerOf(caller);
  const after = await lastReadId(db, reader);
  return (await visible(db, reader, { after }, UNREAD_COUNTED)).rows.length;
}

export const markNotificationsReadInput = z.object({ upTo: decimalInteger(phrase("validation.notifications.selectToMarkRead")) });

/**
 * Marks as read everything up to the newest notification the reader was shown (`upTo`): one that
 * arrived after the page was drawn stays unread. The marker only moves forward.
 */
export const markNotificationsRead = command({
  action: "iam:notifications:markRead",
  input: markNotificationsReadInput,
  async run({ own, caller }, { upTo }) {
    const reader = readerOf(caller);
    return own({ target: "notifications" }, async (tx) => {
      const [newest] = await tx
        .select({ id: max(notifications.id) })
        .from(notifications)
        .where(eq(notifications.accountId, reader.accountId));
      const target = Math.min(upTo, newest?.id ?? 0);
      const [current] = await tx.select({ id: notificationReads.lastReadId }).from(notificationReads).where(ownedBy(notificationReads, reader)).for("update");
      if (target <= (current?.id ?? 0)) return { value: { marked: false }, unchanged: true };
      if (current === undefined) {
        await tx
          .insert(notificationReads)
          .values({ principalAccountId: reader.principalAccountId, principalUserId: reader.userId, lastReadId: target })
          .onConflictDoUpdate({
            target: [notificationReads.principalAccountId, notificationReads.principalUserId],
            set: { lastReadId: sql`greatest(${notificationReads.lastReadId}, ${target})` },
          });
      } else {
        await tx.update(notificationReads).set({ lastReadId: target }).where(ownedBy(notificationReads, reader));
      }
      return { value: { marked: true }, detail: { upTo: target } };
    });
  },
});
