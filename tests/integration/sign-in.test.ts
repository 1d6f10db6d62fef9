import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, SignInThrottledError, verifyCredentials } from "@/lib/auth/credentials";
import { SIGN_IN_THROTTLED } from "@/lib/auth/messages";
import { testDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.dispose());

test("the root user signs in with account name and password", async () => {
  const principal = await verifyCredentials(t.db, { account: "acme", password: "Acme-Passw0rd!" });
  expect(principal).toMatchObject({ userId: null });
});

test("an IAM user signs in with account, user name and password", async () => {
  const principal = await verifyCredentials(t.db, { account: "acme", user: "alice", password: "Passw0rd!" });
  const [alice] = await t.db.select().from(users).where(eq(users.name, "alice"));
  expect(principal).toEqual({ accountId: alice!.accountId, userId: alice!.id });
});

test.each([
  ["wrong root password", { account: "acme", password: "Passw0rd!" }],
  ["wrong user password", { account: "acme", user: "alice", password: "Acme-Passw0rd!" }],
  ["user of another account", { account: "globex", user: "alice", password: "Passw0rd!" }],
  ["unknown account", { account: "nope", password: "x" }],
  ["empty password", { account: "acme", user: "alice", password: "" }],
  ["not an object", "acme:alice"],
])("%s fails", async (_label, input) => {
  expect(await verifyCredentials(t.db, input)).toBeNull();
});

test("failed and successful sign-ins are recorded", async () => {
  await verifyCredentials(t.db, { account: "initech", user: "ian", password: "bad" });
  await verifyCredentials(t.db, { account: "initech", user: "ian", password: "Passw0rd!" });
  const events = await t.db
    .select({ decision: auditEvents.decision, actor: auditEvents.actor })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "iam:sessions:signIn"), eq(auditEvents.actor, "initech/ian")))
    .orderBy(auditEvents.id);
  expect(events.map((e) => e.decision)).toEqual(["deny", "allow"]);
});

describe("throttling", () => {
  test("ten failures for an account name lock it for everyone, before any password is checked", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await verifyCredentials(t.db, { account: "umbrella", password: `guess-${i}` }, `198.51.100.${i}`)).toBeNull();
    }
    await expect(verifyCredentials(t.db, { account: "umbrella", password: "Umbrella-Passw0rd!" }, "198.51.100.200")).rejects.toThrow(SIGN_IN_THROTTLED);
    // Other accounts are unaffected.
    expect(await verifyCredentials(t.db, { account: "globex", password: "Globex-Passw0rd!" }, "198.51.100.200")).not.toBeNull();
  });

  test("an address with too many failures is throttled whatever account it tries", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await verifyCredentials(t.db, { account: `no-such-${i}`, password: "x" }, "203.0.113.7");
    }
    await expect(verifyCredentials(t.db, { account: "globex", user: "gina", password: "Passw0rd!" }, "203.0.113.7")).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await verifyCredentials(t.db, { account: "globex", user: "gina", password: "Passw0rd!" }, "203.0.113.8")).not.toBeNull();
  });
});
