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
