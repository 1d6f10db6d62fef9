/**
 * Posts one FormData to a real server action the way the browser does (Next's request APIs are the
 * doubles of action-harness.ts), inside a transaction that is rolled back, and reports what it did:
 * the ActionState, how many authorization checks ran, whether any domain table changed, the audit
 * events added and whether the expected change is visible. Like `runAction`, but it takes the form
 * as built and looks at the database before the rollback.
 */
import { sql } from "drizzle-orm";
import type { ActionState } from "@/app/_lib/action";
import type { Db } from "@/db/client";
import { type Action, type Identity, Redirect, state } from "./action-harness";
import { guardCalls } from "./fuzz-guard";
import { snapshotTables } from "./snapshot";

export interface Trial {
  /** What the action returned; `null` when it redirected (success for every form fuzzed). */
  result: ActionState;
  redirectedTo: string | null;
  /** Authorization checks made (see fuzz-guard.ts). */
  guardCalls: number;
  /** Domain tables whose content differs afterwards. */
  changedTables: string[];
  events: { action: string; decision: string }[];
  /** The form's own check of its effect, made before the rollback. */
  visible: boolean;
}

class Rollback extends Error {
  constructor(readonly trial: Trial) {
    super("rollback");
  }
}

// The digest of snapshot.ts's tableCounts (every row of every domain table), in one statement: it is taken twice per run.
const digestQuery = sql.raw(
  snapshotTables
    .map((table) => `select '${table}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as d from "${table}" x`)
    .join(" union all "),
);
async function digests(db: Db): Promise<Record<string, string>> {
  return Object.fromEntries((await rows<{ t: string; d: string }>(db, digestQuery)).rows.map((r) => [r.t, r.d]));
}

const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as { rows: T[] };

/** Runs `action` with `data` as `identity`, then rolls everything back. `visible` is asked only when the action succeeded. */
export async function trial(db: Db, identity: Identity, action: Action, data: FormData, visible: (tx: Db) => Promise<boolean>): Promise<Trial> {
  try {
    await db.transaction(async (tx) => {
      const inner = tx as unknown as Db;
      state.db = inner;
      state.identity = identity;
      state.cookies = new Map();
      const before = await digests(inner);
      const [{ last }] = (await rows<{ last: number }>(inner, sql`select coalesce(max(id), 0)::int as last from audit_events`)).rows as [{ last: number }];
      guardCalls.count = 0;
      let result: ActionState = null;
      let redirectedTo: string | null = null;
      try {
        result = await action(null, data);
      } catch (error) {
        if (!(error instanceof Redirect)) throw error;
        redirectedTo = error.url;
      }
      const calls = guardCalls.count;
      const after = await digests(inner);
      const changedTables = Object.keys(after).filter((table) => after[table] !== before[table]);
      const events = (await rows<Trial["events"][number]>(inner, sql`select action, decision from audit_events where id > ${last} order by id`)).rows;
      const succeeded = redirectedTo !== null || result?.ok === true;
      throw new Rollback({ result, redirectedTo, guardCalls: calls, changedTables, events, visible: succeeded && (await visible(inner)) });
    });
  } catch (error) {
    if (error instanceof Rollback) return error.trial;
    throw error;
  }
  throw new Error("unreachable");
}

/** True when `query` (a `select 1 …`) finds a row. */
export async function exists(db: Db, query: ReturnType<typeof sql>): Promise<boolean> {
  return (await rows<{ found: boolean }>(db, sql`select exists(${query}) as found`)).rows[0]!.found;
}
