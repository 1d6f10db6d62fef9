import { and, eq, isNull } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "@/lib/caller";

/** Rows of a table keyed by principal that belong to the caller's own principal (its root, or one of its users). */
export const ownedBy = (table: { principalAccountId: PgColumn; principalUserId: PgColumn }, caller: Caller) =>
  and(
    eq(table.principalAccountId, caller.principalAccountId),
    caller.userId === null ? isNull(table.principalUserId) : eq(table.principalUserId, caller.userId),
  );
