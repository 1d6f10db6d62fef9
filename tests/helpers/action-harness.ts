/**
 * Runs real server actions in tests: Next's request APIs are replaced by the doubles below (wired
 * with `vi.mock` in each test file), the caller is whatever `state.identity` says, and each run
 * happens in a transaction that is rolled back, so every run starts from the same world.
 */
import { and, eq } from "drizzle-orm";
import type { ActionState } from "@/app/_lib/action";
import type { Db } from "@/db/client";
import { accounts, agencies, ecsInstances, groups, obsBuckets, policies, rdFolders, users } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { tableCounts } from "./snapshot";

export interface Identity {
  caller: Caller;
  loginId: string;
  roleEnded: string | null;
  roleNotice: string | null;
  /** The principal's saved language, as resolveRequest reads it. */
  language?: string | null;
}

export const state = {
  db: undefined as unknown,
  identity: null as Identity | null,
  cookies: new Map<string, string>(),
  /** Request headers other than cookies (Accept-Language). */
  requestHeaders: new Map<string, string>(),
};

export class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

export const doubles = {
  cache: { revalidatePath: () => undefined },
  navigation: {
    redirect: (url: string) => {
      throw new Redirect(url);
    },
    notFound: () => {
      throw new Redirect("/404");
    },
  },
  headers: {
    cookies: async () => ({
      get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name) } : undefined),
      set: (name: string, value: string) => state.cookies.set(name, value),
      delete: (name: string) => state.cookies.delete(name),
    }),
    headers: async () => new Headers([...state.requestHeaders]),
  },
  db: { getDb: async () => state.db },
  session: {
    ROLE_COOKIE: "mandate.role",
    ROLE_NOTICE_COOKIE: "mandate.role-notice",
    resolveRequest: async () => state.identity,
    getCaller: async () => state.identity?.caller ?? null,
  },
};

export type Action = (state: ActionState, data: FormData) => Promise<ActionState>;
export type Outcome = "ok" | "refused" | "sign-in";
export type Fields = Record<string, string | string[]>;

export interface Fixture {
  db: Db;
  acme: Caller;
  id: (table: "user" | "group" | "policy" | "instance" | "bucket" | "agency" | "folder" | "account", name: string) => Promise<string>;
}

export interface Run {
  outcome: Outcome;
  /** Set when the action was refused yet some domain table changed. */
  wroteWhenRefused: boolean;
  result: ActionState;
  /** Audit events the run added, newest last. */
  events: { action: string; decision: string; detail: unknown }[];
}

class Rollback extends Error {
  constructor(readonly run: Run) {
    super("rollback");
  }
}

/** Runs `action` as `identity` with the fields `fields` builds (as acme's root), then rolls everything back. */
export async function runAction(db: Db, acme: Caller, identity: Identity | null, action: Action, fields: (f: Fixture) => Promise<Fields>): Promise<Run> {
  try {
    await db.transaction(async (tx) => {
      const inner = tx as unknown as Db;
      const values = await fields({ db: inner, acme, id: (table, name) => lookup(inner, acme, table, name) });
      const data = new FormData();
      for (const [key, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) data.append(key, item);
      state.db = inner;
      state.identity = identity;
      state.cookies = new Map();
      const before = await tableCounts(inner);
      const [{ lastEvent } = { lastEvent: 0 }] = (
        (await inner.execute('select coalesce(max(id), 0)::int as "lastEvent" from audit_events')) as unknown as { rows: unknown[] }
      ).rows as { lastEvent: number }[];
      let outcome: Outcome;
      let result: ActionState = null;
      try {
        result = await action(null, data);
        outcome = result?.ok ? "ok" : "refused";
      } catch (error) {
        if (!(error instanceof Redirect)) throw error;
        outcome = error.url === "/sign-in" ? "sign-in" : "ok";
      }
      const wroteWhenRefused = outcome === "refused" && JSON.stringify(await tableCounts(inner)) !== JSON.stringify(before);
      const events = (
        (await inner.execute(`select action, decision, detail from audit_events where id > ${Number(lastEvent)} order by id`)) as unknown as { rows: unknown[] }
      ).rows as Run["events"];
      throw new Rollback({ outcome, wroteWhenRefused, result, events });
    });
  } catch (error) {
    if (error instanceof Rollback) return error.run;
    throw error;
  }
  throw new Error("unreachable");
}

export async function lookup(db: Db, acme: Caller, table: string, name: string): Promise<string> {
  const pick = async (rows: { id: string }[]) => {
    if (rows[0] === undefined) throw new Error(`no ${table} ${name}`);
    return rows[0].id;
  };
  switch (table) {
    case "user":
      return pick(
        await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.accountId, acme.accountId), eq(users.name, name))),
      );
    case "group":
      return pick(
        await db
          .select({ id: groups.id })
          .from(groups)
          .where(and(eq(groups.accountId, acme.accountId), eq(groups.name, name))),
      );
    case "policy":
      return pick(await db.select({ id: policies.id }).from(policies).where(eq(policies.name, name)));
    case "instance":
      return pick(
        await db
          .select({ id: ecsInstances.id })
          .from(ecsInstances)
          .where(and(eq(ecsInstances.accountId, acme.accountId), eq(ecsInstances.name, name))),
      );
    case "bucket":
      return pick(
        await db
          .select({ id: obsBuckets.id })
          .from(obsBuckets)
          .where(and(eq(obsBuckets.accountId, acme.accountId), eq(obsBuckets.name, name))),
      );
    case "agency":
      return pick(
        await db
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.accountId, acme.accountId), eq(agencies.name, name))),
      );
    case "folder":
      return pick(await db.select({ id: rdFolders.id }).from(rdFolders).where(eq(rdFolders.name, name)));
    default:
      return pick(await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, name)));
  }
}
