import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { roleSessions, signIns, users } from "@/db/schema";
import { activeSignInsOf, endSignIns, signInIsActive, startSignIn } from "@/lib/auth/sign-ins";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.dispose());

const owner = async (account: string, user?: string) => {
  const c = await callerFor(t.db, account, user);
  return { accountId: c.accountId, userId: c.userId };
};

test("a sign-in stands until it is ended, and ending it also ends its role sessions", async () => {
  const bob = await owner("acme", "bob");
  const loginId = await startSignIn(t.db, bob, { userAgent: "test", address: "192.0.2.1" });
  expect(await signInIsActive(t.db, loginId, bob)).toBe(true);
  const [session] = await t.db
    .insert(roleSessions)
    .values({ agencyName: "x", accountId: bob.accountId, principalAccountId: bob.accountId, principalUserId: bob.userId, loginId })
    .returning();
  expect(await endSignIns(t.db, bob, "signed_out")).toBe(1);
  expect(await signInIsActive(t.db, loginId, bob)).toBe(false);
  const [after] = await t.db.select().from(roleSessions).where(eq(roleSessions.id, session!.id));
  expect(after!.endedAt).not.toBeNull();
});

test("endSignIns keeps the one named, and touches no other principal", async () => {
  const alice = await owner("acme", "alice");
  const root = await owner("acme");
  const here = await startSignIn(t.db, alice);
  const elsewhere = await startSignIn(t.db, alice);
  const roots = await startSignIn(t.db, root);
  expect(await endSignIns(t.db, alice, "ended_by_user", here)).toBe(1);
  expect(await signInIsActive(t.db, here, alice)).toBe(true);
  expect(await signInIsActive(t.db, elsewhere, alice)).toBe(false);
  expect(await signInIsActive(t.db, roots, root)).toBe(true);
  expect((await activeSignInsOf(t.db, alice)).map((s) => s.id)).toEqual([here]);
});

test("a sign-in is not valid for another principal, nor when malformed", async () => {
  const alice = await owner("acme", "alice");
  const bob = await owner("acme", "bob");
  const loginId = await startSignIn(t.db, alice);
  expect(await signInIsActive(t.db, loginId, bob)).toBe(false);
  expect(await signInIsActive(t.db, "not-a-uuid", alice)).toBe(false);
});

test("deleting the user deletes its sign-ins", async () => {
  const gus = await owner("globex", "gus");
  const loginId = await startSignIn(t.db, gus);
  await t.db.delete(users).where(eq(users.id, gus.userId!));
  expect(await t.db.select().from(signIns).where(eq(signIns.id, loginId))).toEqual([]);
});
