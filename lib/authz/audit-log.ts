import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { principalLabel } from "@/lib/caller";
import type { ActionName } from "@/lib/authz/action-catalogue";

/**
 * The one writer of the audit trail. Only `lib/authz` imports it (a test holds that), so every
 * event follows an authorization decision: `mutate`, `requireAllowed`, `auditDenied`, `selfService`.
 */
export interface AuditEntry {
  action: ActionName;
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
    // An API call says so, and names the access key that signed it; a federated user names its provider and subject.
    detail: {
      ...entry.detail,
      ...(caller.via !== undefined && { via: caller.via }),
      ...(caller.federated !== undefined && { federated: { provider: caller.federated.provider, subject: caller.federated.subject } }),
    },
  });
}
