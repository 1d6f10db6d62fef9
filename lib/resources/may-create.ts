import type { Db } from "@/db/client";
import { authorizer } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";

/** Whether the caller may create a resource of this kind in some region and project (its Create form is offered then). */
export async function mayCreateSomewhere(
  db: Db,
  caller: Caller,
  kind: { action: "ecs:instances:create" | "obs:buckets:create"; service: string; type: string },
) {
  const check = await authorizer(db, caller);
  return check({ action: kind.action, resource: urn(kind.service, "*", caller.accountId, kind.type, "*"), anyScope: true }).allowed;
}
