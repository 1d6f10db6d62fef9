import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { auditEvents } from "@/db/schema";
import { signInIsActive, startSignIn } from "@/lib/auth/sign-ins";
import { verifyPassword } from "@/lib/auth/password";
import type { Caller } from "@/lib/caller";
import type { DomainError } from "@/lib/errors";
import { changeOwnPassword, resetUserPassword } from "@/lib/iam/passwords";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";

let t: TestDatabase;
let acme: Caller;
let bob: Caller;
beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  bob = await callerFor(t.db, "acme", "bob");
});
afterAll(() => t.dispose());

const owner = (c: Caller) => ({ accountId: c.accountId, userId: c.userId });
const hashOf = async (c: Caller) => {
  const { users } = await import("@/db/schema");
  return (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, c.userId!)))[0]!.h;
};

test("changing one's password needs the current one, ends the other sign-ins and keeps this one", async () => {
  const here = await startSignIn(t.db, owner(bob));
  const elsewhere = await startSignIn(t.db, owner(bob));
  const wrong = await rejection<DomainError>(() =>
    changeOwnPassword(t.db, bob, { currentPassword: "nope", password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }, here),
  );
  expect(wrong.field).toBe("currentPassword");
  expect(await signInIsActive(t.db, elsewhere, owner(bob))).toBe(true);
  await changeOwnPassword(t.db, bob, { currentPassword: "Passw0rd!", password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }, here);
  expect(await verifyPassword("N3w-passw0rd", await hashOf(bob))).toBe(true);
  expect(await signInIsActive(t.db, here, owner(bob))).toBe(true);
  expect(await signInIsActive(t.db, elsewhere, owner(bob))).toBe(false);
  const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "iam:users:changePassword"));
  expect(event?.actor).toBe("acme/bob");
});

test("a reset by root sets the password and ends every sign-in of the user", async () => {
  const gus = await callerFor(t.db, "globex", "gus");
  const globex = await callerFor(t.db, "globex");
  const signedIn = await startSignIn(t.db, owner(gus));
  await resetUserPassword(t.db, globex, { userId: gus.userId, password: "R3set-passw0rd", confirmPassword: "R3set-passw0rd" });
  expect(await verifyPassword("R3set-passw0rd", await hashOf(gus))).toBe(true);
  expect(await signInIsActive(t.db, signedIn, owner(gus))).toBe(false);
});

test("nobody resets a user of another account, and a mismatch is reported at its field", async () => {
  const gus = await callerFor(t.db, "globex", "gus");
  const before = await hashOf(gus);
  const foreign = await rejection<DomainError>(() =>
    resetUserPassword(t.db, acme, { userId: gus.userId, password: "R3set-passw0rd", confirmPassword: "R3set-passw0rd" }),
  );
  expect(foreign.code).toBe("user.not_found");
  const mismatch = await rejection<DomainError & { fieldErrors: Record<string, string[]> }>(() =>
    resetUserPassword(t.db, acme, { userId: bob.userId, password: "R3set-passw0rd", confirmPassword: "other" }),
  );
  expect(mismatch.fieldErrors.confirmPassword?.map(english)).toEqual(["The passwords do not match."]);
  expect(await hashOf(gus)).toBe(before);
});
