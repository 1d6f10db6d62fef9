import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { requireAllowed } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";

/** The newest events recorded in the acting account. */
export async function listRecentEvents(db: Db, caller: Caller, limit = 100) {
  await requireAllowed(db, caller, { action: "cts:traces:list", resource: urn("cts", null, caller.accountId, "trace", "*"), target: "audit trail" });
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.accountId, caller.accountId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
