import { and, eq, gt, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type NotificationKind, notifications } from "@/db/schema";

export interface NotificationFacts {
  fromAccountName: string;
  subject: string;
  detail?: Record<string, unknown>;
}

/**
 * Tells another account what this change did to it. Written in the change's own transaction, so a
 * refused or rolled-back change tells no one, and a committed one always does.
 */
export async function notify(tx: Tx, accountId: string | null, kind: NotificationKind, facts: NotificationFacts): Promise<void> {
  // A service agency trusts no account: there is no one to tell.
  if (accountId === null) return;
  await tx.insert(notifications).values({ accountId, kind, fromAccountName: facts.fromAccountName, subject: facts.subject, detail: facts.detail ?? {} });
}

/**
 * Like `notify`, unless the same news (same kind, subject and `sameAs` facts) was already given
 * within `withinMs`: something one party can repeat at will (switching in again and again) tells
 * the other once, not a thousand times.
 */
export async function notifyOnce(
  tx: Tx,
  accountId: string,
  kind: NotificationKind,
  facts: NotificationFacts & { sameAs: Record<string, string> },
  withinMs: number,
): Promise<void> {
  const [recent] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.accountId, accountId),
        eq(notifications.kind, kind),
        eq(notifications.subject, facts.subject),
        gt(notifications.at, new Date(Date.now() - withinMs)),
        sql`${notifications.detail} @> ${JSON.stringify(facts.sameAs)}::jsonb`,
      ),
    )
    .limit(1);
  if (recent === undefined) await notify(tx, accountId, kind, { ...facts, detail: { ...facts.detail, ...facts.sameAs } });
}
