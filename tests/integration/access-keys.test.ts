import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accessKeys, auditEvents, policies } from "@/db/schema";
import {
  createOwnAccessKey,
  createUserAccessKey,
  deleteOwnAccessKey,
  deleteUserAccessKey,
  listOwnAccessKeys,
  listUserAccessKeys,
  MAX_ACCESS_KEYS,
  setOwnAccessKeyStatus,
  setUserAccessKeyStatus,
} from "@/lib/access-keys/access-keys";
import { openSecret } from "@/lib/access-keys/secret-box";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, type DomainError, type ValidationError } from "@/lib/errors";
import { assumeRole } from "@/lib/roles/role-sessions";
import { agencyTrustingGlobex, callerFor, rejection, testDatabase, type TestDatabase, userWithPolicies } from "../helpers/db";
import { english } from "../helpers/english";
import { auditCount, tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;
let alice: Caller;
let bob: Caller;
let gina: Caller;
let aliceId: string;
let bobId: string;

beforeAll(async () => {
  t = await testDatabase();
  [acme, alice, bob, gina] = await Promise.all([
    callerFor(t.db, "acme"),
    callerFor(t.db, "acme", "alice"),
    callerFor(t.db, "acme", "bob"),
    callerFor(t.db, "globex", "gina"),
  ]);
  aliceId = alice.userId!;
  bobId = bob.userId!;
});
afterAll(() => t.dispose());

/** A user of acme with no keys yet, in the groups named (by policy), so each test starts from a known state. */
async function freshUser(name: string, policyNames: string[] = []) {
  const all = await t.db.select().from(policies);
  const grants = policyNames.map((n) => ({
    policyId: all.find((p) => p.name === n)!.id,
    scopeKind: n === "Security Administrator" ? ("global" as const) : ("all" as const),
  }));
  return userWithPolicies(t.db, acme, name, grants);
}

const refusedByPolicy = async (fn: () => Promise<unknown>) => expect(await rejection(fn)).toBeInstanceOf(AccessDeniedError);

const stored = async (accessKeyId: string) => (await t.db.select().from(accessKeys).where(eq(accessKeys.accessKeyId, accessKeyId)))[0]!;

describe("a principal's own keys", () => {
  test("a new key is shown once: its secret is stored sealed, never in plain text or in the audit trail", async () => {
    const created = await createOwnAccessKey(t.db, bob, {});
    expect(created.accessKeyId).toMatch(/^[A-Z0-9]{20}$/);
    expect(created.secret.length).toBeGreaterThanOrEqual(40);
    const row = await stored(created.accessKeyId);
    expect(row.secretCiphertext).not.toContain(created.secret);
    expect(openSecret(row.secretCiphertext)).toBe(created.secret);
    expect(await listOwnAccessKeys(t.db, bob)).toEqual([expect.objectContaining({ accessKeyId: created.accessKeyId, status: "active", lastUsedAt: null })]);
    const leaked = await t.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.detail}::text like ${`%${created.secret}%`}`);
    expect(leaked).toEqual([]);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "iam:accessKeys:createOwn"));
    expect(event).toMatchObject({ actor: "acme/bob", detail: { accessKeyId: created.accessKeyId } });
  });

  test("a sealed secret that was altered does not open", async () => {
    const { accessKeyId } = await createOwnAccessKey(t.db, gina, {});
    const sealed = (await stored(accessKeyId)).secretCiphertext;
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}${sealed.slice(-1)}`;
    expect(() => openSecret(tampered)).toThrow();
    expect(() => openSecret("v0:x:y:z")).toThrow("Unknown access-key ciphertext format.");
  });

  test("at most two, also when many are asked for at once", async () => {
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => createOwnAccessKey(t.db, alice, {})));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_ACCESS_KEYS);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r.reason as DomainError).code).toBe("access_key.limit");
    expect(await listOwnAccessKeys(t.db, alice)).toHaveLength(MAX_ACCESS_KEYS);
  });

  test("deactivated, activated and deleted by its owner, and by no one else through the own-key path", async () => {
    const { accessKeyId } = await createOwnAccessKey(t.db, acme, {});
    await setOwnAccessKeyStatus(t.db, acme, { accessKeyId, status: "inactive" });
    expect((await stored(accessKeyId)).status).toBe("inactive");
    await setOwnAccessKeyStatus(t.db, acme, { accessKeyId, status: "active" });
    expect((await stored(accessKeyId)).status).toBe("active");
    const tables = await tableCounts(t.db);
    for (const other of [bob, gina, alice]) {
      expect((await rejection<DomainError>(() => setOwnAccessKeyStatus(t.db, other, { accessKeyId, status: "inactive" }))).code).toBe("access_key.not_found");
      expect((await rejection<DomainError>(() => deleteOwnAccessKey(t.db, other, { accessKeyId }))).code).toBe("access_key.not_found");
    }
    expect(await tableCounts(t.db)).toEqual(tables);
    await deleteOwnAccessKey(t.db, acme, { accessKeyId });
    expect(await t.db.select().from(accessKeys).where(eq(accessKeys.accessKeyId, accessKeyId))).toEqual([]);
  });

  test("malformed ids and statuses are refused at their fields", async () => {
    for (const accessKeyId of ["", "short", "lowercaseaaaaaaaaaaa", "A".repeat(21), "AAAAAAAAAAAAAAAAAAA\u0000"]) {
      const error = await rejection<ValidationError>(() => deleteOwnAccessKey(t.db, bob, { accessKeyId }));
      expect(error.fieldErrors.accessKeyId?.map(english)).toEqual(["Select an access key."]);
    }
    const { accessKeyId } = (await listOwnAccessKeys(t.db, bob))[0]!;
    const error = await rejection<ValidationError>(() => setOwnAccessKeyStatus(t.db, bob, { accessKeyId, status: "deleted" }));
    expect(error.fieldErrors.status?.map(english)).toEqual(["Select Active or Inactive."]);
  });
});

describe("a user's keys, managed by others", () => {
  test("root creates, deactivates and deletes a user's key; the user sees it as its own", async () => {
    const created = await createUserAccessKey(t.db, acme, { userId: bobId });
    expect(created.owner).toBe("user bob");
    expect((await listOwnAccessKeys(t.db, bob)).map((k) => k.accessKeyId)).toContain(created.accessKeyId);
    await setUserAccessKeyStatus(t.db, acme, { userId: bobId, accessKeyId: created.accessKeyId, status: "inactive" });
    expect((await stored(created.accessKeyId)).status).toBe("inactive");
    await deleteUserAccessKey(t.db, acme, { userId: bobId, accessKeyId: created.accessKeyId });
    expect((await listUserAccessKeys(t.db, acme, bobId)).keys.map((k) => k.accessKeyId)).not.toContain(created.accessKeyId);
  });

  test("bob, without permissions, can neither list nor create alice's keys, and writes nothing but the denial", async () => {
    const tables = await tableCounts(t.db);
    const events = await auditCount(t.db);
    await refusedByPolicy(() => listUserAccessKeys(t.db, bob, aliceId));
    await refusedByPolicy(() => createUserAccessKey(t.db, bob, { userId: aliceId }));
    expect(await tableCounts(t.db)).toEqual(tables);
    expect(await auditCount(t.db)).toBe(events + 2);
  });

  test("a Security Administrator may not make keys for a user who holds more than they do", async () => {
    const sam = await freshUser("sam", ["Security Administrator"]);
    const boss = await freshUser("boss", ["Security Administrator", "Tenant Administrator"]);
    const plain = await freshUser("plain");
    const tables = await tableCounts(t.db);
    await refusedByPolicy(() => createUserAccessKey(t.db, sam, { userId: boss.userId! }));
    expect(await tableCounts(t.db)).toEqual(tables);
    // A user who holds nothing: sam may make theirs.
    await createUserAccessKey(t.db, sam, { userId: plain.userId! });
  });

  test("a switched role, even holding Security Administrator, never makes, changes or deletes the account's users' keys", async () => {
    const [sa] = await t.db.select().from(policies).where(eq(policies.name, "Security Administrator"));
    await agencyTrustingGlobex(t.db, acme, sa!.id, "keys-sa", { scopeKind: "global" });
    const { caller: role } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "keys-sa" }, "login-keys");
    const target = await freshUser("target");
    const { accessKeyId } = await createUserAccessKey(t.db, acme, { userId: target.userId! });
    const tables = await tableCounts(t.db);
    await refusedByPolicy(() => createUserAccessKey(t.db, role, { userId: target.userId! }));
    await refusedByPolicy(() => setUserAccessKeyStatus(t.db, role, { userId: target.userId!, accessKeyId, status: "inactive" }));
    await refusedByPolicy(() => deleteUserAccessKey(t.db, role, { userId: target.userId!, accessKeyId }));
    expect(await tableCounts(t.db)).toEqual(tables);
  });

  test("a key is found only under its own user", async () => {
    const { accessKeyId } = (await listUserAccessKeys(t.db, acme, aliceId)).keys[0]!;
    const error = await rejection<DomainError>(() => deleteUserAccessKey(t.db, acme, { userId: bobId, accessKeyId }));
    expect(error.code).toBe("access_key.not_found");
  });
});

describe("what an outside review found", () => {
  test("turning a user's key off or on, or deleting it, needs what making one needs", async () => {
    const { createPolicy } = await import("@/lib/iam/policies");
    const janitorPolicy = await createPolicy(t.db, acme, {
      name: "KeyJanitor",
      description: "",
      document: '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["iam:accessKeys:list","iam:accessKeys:update","iam:accessKeys:delete"]}]}',
    });
    const { createGroup, grantPolicyToGroup, addUserToGroup } = await import("@/lib/iam/groups");
    const { createUser } = await import("@/lib/iam/users");
    const janitorUser = await createUser(t.db, acme, { name: "janitor", password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
    const group = await createGroup(t.db, acme, { name: "janitors", description: "" });
    await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: janitorPolicy.id, scopeKind: "global" });
    await addUserToGroup(t.db, acme, { groupId: group.id, userId: janitorUser.id });
    const janitor = await callerFor(t.db, "acme", "janitor");
    const boss = await freshUser("boss2", ["Security Administrator", "Tenant Administrator"]);
    const { accessKeyId } = await createUserAccessKey(t.db, acme, { userId: boss.userId! });
    const tables = await tableCounts(t.db);
    await refusedByPolicy(() => setUserAccessKeyStatus(t.db, janitor, { userId: boss.userId!, accessKeyId, status: "inactive" }));
    await refusedByPolicy(() => deleteUserAccessKey(t.db, janitor, { userId: boss.userId!, accessKeyId }));
    expect(await tableCounts(t.db)).toEqual(tables);
  });

  test("a key an administrator turned off stays off until an administrator turns it on", async () => {
    const owner = await freshUser("locked-owner");
    const { accessKeyId } = await createOwnAccessKey(t.db, owner, {});
    await setUserAccessKeyStatus(t.db, acme, { userId: owner.userId!, accessKeyId, status: "inactive" });
    const error = await rejection<DomainError>(() => setOwnAccessKeyStatus(t.db, owner, { accessKeyId, status: "active" }));
    expect(error.code).toBe("access_key.locked");
    expect((await stored(accessKeyId)).status).toBe("inactive");
    await setUserAccessKeyStatus(t.db, acme, { userId: owner.userId!, accessKeyId, status: "active" });
    // Its owner's own off and on work as before.
    await setOwnAccessKeyStatus(t.db, owner, { accessKeyId, status: "inactive" });
    await setOwnAccessKeyStatus(t.db, owner, { accessKeyId, status: "active" });
    expect((await stored(accessKeyId)).status).toBe("active");
  });

  test("the event of a key made for a user names the key", async () => {
    const user = await freshUser("named-key");
    const { accessKeyId } = await createUserAccessKey(t.db, acme, { userId: user.userId! });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "iam:accessKeys:create"));
    expect(events.some((e) => (e.detail as { accessKeyId?: string }).accessKeyId === accessKeyId)).toBe(true);
  });
});
