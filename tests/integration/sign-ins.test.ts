import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { auditEvents, roleSessions, signIns, users } from "@/db/schema";
import { endOtherSignIns, endOwnSignIn, endUserSignIns, ownSignIns, signOut } from "@/lib/auth/sign-in-management";
import { AccessDeniedError, DomainError } from "@/lib/errors";
import { activeSignInsOf, endSignIns, signInIsActive, startSignIn } from "@/lib/auth/sign-ins";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";

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

const lastEvent = async (action: string) =>
  (await t.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

test("Sign Out ends the sign-in it is made from, and is audited", async () => {
  const ian = await callerFor(t.db, "initech", "ian");
  const who = { accountId: ian.accountId, userId: ian.userId };
  const loginId = await startSignIn(t.db, who);
  const other = await startSignIn(t.db, who);
  await signOut(t.db, who, loginId);
  expect(await signInIsActive(t.db, loginId, who)).toBe(false);
  expect(await signInIsActive(t.db, other, who)).toBe(true);
  expect(await lastEvent("iam:sessions:signOut")).toMatchObject({ actor: "initech/ian", decision: "allow", detail: { signInId: loginId } });
});

test("a user sees their own sign-ins and signs out the others", async () => {
  const ian = await callerFor(t.db, "initech", "ian");
  const who = { accountId: ian.accountId, userId: ian.userId };
  await endSignIns(t.db, who, "test");
  const here = await startSignIn(t.db, who, { userAgent: "Here", address: "192.0.2.7" });
  const there = await startSignIn(t.db, who, { userAgent: "There" });
  const third = await startSignIn(t.db, who);
  // Newest first; three sign-ins made in the same millisecond may tie, so compare them as a set.
  const listed = await ownSignIns(t.db, ian, here);
  expect(listed.map((s) => [s.id, s.current]).sort()).toEqual(
    [
      [third, false],
      [there, false],
      [here, true],
    ].sort(),
  );
  expect(listed.map((s) => s.createdAt.getTime())).toEqual([...listed.map((s) => s.createdAt.getTime())].sort((a, b) => b - a));
  await endOwnSignIn(t.db, ian, { signInId: there }, here);
  expect(await signInIsActive(t.db, there, who)).toBe(false);
  expect(await rejection<DomainError>(() => endOwnSignIn(t.db, ian, { signInId: here }, here))).toBeInstanceOf(DomainError);
  expect(await endOtherSignIns(t.db, ian, {}, here)).toBe(1);
  expect((await ownSignIns(t.db, ian, here)).map((s) => s.id)).toEqual([here]);
  expect(await lastEvent("iam:sessions:signOutOthers")).toMatchObject({ actor: "initech/ian", detail: { ended: 1 } });
});

test("root or a Security Administrator ends a user's sign-ins; a user without the permission cannot", async () => {
  const acme = await callerFor(t.db, "acme");
  const alice = await callerFor(t.db, "acme", "alice");
  const bob = await callerFor(t.db, "acme", "bob");
  const bobs = { accountId: bob.accountId, userId: bob.userId };
  const alices = { accountId: alice.accountId, userId: alice.userId };
  const bobLogin = await startSignIn(t.db, bobs);
  expect(await endUserSignIns(t.db, alice, { userId: bob.userId })).toEqual({ userName: "bob", ended: 1 });
  expect(await signInIsActive(t.db, bobLogin, bobs)).toBe(false);
  expect(await lastEvent("iam:users:revokeSessions")).toMatchObject({ actor: "acme/alice", target: "user bob", decision: "allow" });
  const aliceLogin = await startSignIn(t.db, alices);
  expect(await rejection(() => endUserSignIns(t.db, bob, { userId: alice.userId }))).toBeInstanceOf(AccessDeniedError);
  expect(await signInIsActive(t.db, aliceLogin, alices)).toBe(true);
  expect(await lastEvent("iam:users:revokeSessions")).toMatchObject({ actor: "acme/bob", decision: "deny" });
  await endUserSignIns(t.db, acme, { userId: alice.userId });
  expect(await activeSignInsOf(t.db, alices)).toEqual([]);
  // Another account's root cannot reach acme's users.
  const umbrella = await callerFor(t.db, "umbrella");
  expect(await rejection<DomainError>(() => endUserSignIns(t.db, umbrella, { userId: alice.userId }))).toMatchObject({ code: "user.not_found" });
});
