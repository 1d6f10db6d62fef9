import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { createDb, type Db, type DbHandle } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { seedCatalogue, seedDemo } from "@/db/seed";
import { createAgency } from "@/lib/agencies/agencies";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createUser } from "@/lib/iam/users";
import type { Caller } from "@/lib/caller";

export interface TestDatabase extends DbHandle {
  dispose(): Promise<void>;
}

/** A fresh database with the demo world: in-memory PGlite, or a new schema on TEST_DATABASE_URL. */
export async function testDatabase(options: { demo?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  let handle: DbHandle;
  let drop = async () => {};
  if (process.env.TEST_DB === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (url === undefined) throw new Error("TEST_DATABASE_URL is required for the postgres project");
    const schema = `test_${randomBytes(6).toString("hex")}`;
    handle = createDb({ url, schema, poolSize: options.poolSize ?? 5 });
    const admin = createDb({ url, poolSize: 1 });
    drop = async () => {
      await admin.db.execute(`drop schema if exists "${schema}" cascade`);
      await admin.close();
    };
  } else {
    handle = createDb({});
  }
  await handle.migrate();
  await seedCatalogue(handle.db);
  if (options.demo !== false) await seedDemo(handle.db);
  return {
    ...handle,
    async dispose() {
      await handle.close();
      await drop();
    },
  };
}

/** The caller of a signed-in demo principal: `callerFor(db, "acme")` is the root, `callerFor(db, "acme", "alice")` a user. */
export async function callerFor(db: Db, accountName: string, userName?: string): Promise<Caller> {
  const [account] = await db.select().from(accounts).where(eq(accounts.name, accountName));
  if (account === undefined) throw new Error(`no account ${accountName}`);
  let user: { id: string; name: string } | undefined;
  if (userName !== undefined) {
    [user] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.accountId, account.id), eq(users.name, userName)));
    if (user === undefined) throw new Error(`no user ${accountName}/${userName}`);
  }
  return {
    accountId: account.id,
    accountName: account.name,
    principalAccountId: account.id,
    principalAccountName: account.name,
    userId: user?.id ?? null,
    userName: user?.name ?? null,
  };
}

/** Runs `fn` and returns the DomainError it throws (fails the test if it does not throw one). */
export async function rejection<E extends Error>(fn: () => Promise<unknown>): Promise<E> {
  try {
    await fn();
  } catch (error) {
    return error as E;
  }
  throw new Error("expected the call to be rejected");
}

/** A fresh agency of `owner` trusting globex with one policy on all resources, unlimited: each test changes or deletes its own. */
export function agencyTrustingGlobex(db: Db, owner: Caller, policyId: string, name: string, over: Record<string, unknown> = {}) {
  return createAgency(db, owner, {
    name,
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [policyId],
    scopeKind: "all",
    ...over,
  });
}

/** A new user of `root`'s account, in a group of its own granted each policy with its scope (none: no group): the user's caller. */
export async function userWithPolicies(db: Db, root: Caller, name: string, grants: { policyId: string; scopeKind: "all" | "global" }[]): Promise<Caller> {
  const user = await createUser(db, root, { name, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
  if (grants.length > 0) {
    const group = await createGroup(db, root, { name: `${name}-group`, description: "" });
    for (const grant of grants) await grantPolicyToGroup(db, root, { groupId: group.id, ...grant });
    await addUserToGroup(db, root, { groupId: group.id, userId: user.id });
  }
  return callerFor(db, root.accountName, name);
}
