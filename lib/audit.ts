import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { principalLabel } from "@/lib/caller";

export interface AuditEntry {
  action: string;
  target: string;
  decision: "allow" | "deny";
  detail?: Record<string, unknown>;
}

/** Call with the transaction of the change it records, so the event and the change commit together. */
export async function recordEvent(db: Db, caller: Caller, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    accountId: caller.accountId,
    actorAccountId: caller.principalAccountId,
    actorUserId: caller.userId,
    actor: principalLabel(caller),
    agencyId: caller.agency?.id ?? null,
    agencyName: caller.agency?.name ?? null,
    action: entry.action,
    target: entry.target,
    decision: entry.decision,
    detail: entry.detail ?? {},
  });
}
