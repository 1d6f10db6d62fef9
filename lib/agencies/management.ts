/**
 * What the caller may change about agencies, for pages to offer only what will work. Decided by
 * the engine and the re-delegation rule that enforce it; the server refuses the rest regardless.
 */
import type { Db } from "@/db/client";
import { authorizer, requireAllowed } from "@/lib/authz/authorize";
import { redelegationRefusal } from "@/lib/authz/escalation";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";

export type AgencyOperation = "create" | "update" | "delete" | "revokeSession";

export interface AgencyManagement {
  /** Whether `operation` on the agency named `agencyName` (any agency by default) would be allowed. */
  may: (operation: AgencyOperation, agencyName?: string) => boolean;
  /** Why nothing can be changed at all, when one rule says so (a switched role). */
  blockedBy: string | null;
}

/** For the Create Agency page: refuses (audited, with the reason) a caller who could not finish the wizard. */
export async function requireAgencyCreation(db: Db, caller: Caller): Promise<void> {
  await requireAllowed(db, caller, { action: "iam:agencies:create", resource: urn("iam", null, caller.accountId, "agency", "*"), target: "agencies" });
}

export async function agencyManagement(db: Db, caller: Caller): Promise<AgencyManagement> {
  const blockedBy = redelegationRefusal(caller);
  if (blockedBy !== null) return { may: () => false, blockedBy };
  const check = await authorizer(db, caller);
  return {
    may: (operation, agencyName = "*") =>
      check({ action: `iam:agencies:${operation}`, resource: urn("iam", null, caller.accountId, "agency", agencyName) }).allowed,
    blockedBy: null,
  };
}
