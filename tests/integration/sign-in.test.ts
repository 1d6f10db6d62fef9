import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { SignInThrottledError, verifyCredentials } from "@/lib/auth/credentials";
import { ACCOUNT_CEILING, ADDRESS_CEILING, PAIR_FREE_FAILURES } from "@/lib/auth/throttle";
import { testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";

// Counts every bcrypt comparison, so a test can tell how many attempts were actually evaluated.
const checks = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: (p: string, h: string) => {
      checks.n += 1;
      return real.verifyPassword(p, h);
    },
    burnPasswordCheck: (p: string) => {
      checks.n += 1;
      return real.burnPasswordCheck(p);
    },
  };
});

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase({ poolSize: 10 });
});
afterAll(() => t.dispose());

const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1) + seconds * 1000);

test("the root user signs in with account name and password, in any letter case", async () => {
  expect(await verifyCredentials(t.db, { account: "acme", password: "Acme-Passw0rd!" })).toMatchObject({ userId: null });
  expect(await verifyCredentials(t.db, { account: "ACME", password: "Acme-Passw0rd!" })).toMatchObject({ userId: null });
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
  expect(await verifyCredentials(t.db, input, { address: "192.0.2.50" })).toBeNull();
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

describe("look-alike user names", () => {
  test.each([
    ["zero-width space", "ali\u200bce", "ali\\u200bce"],
    ["right-to-left override", "\u202ealice", "\\u202ealice"],
    ["a user that does not exist", "mallory", "mallory"],
  ])("a failed sign-in as %s is recorded as an unknown user, never as alice", async (_label, typed, shown) => {
    expect(await verifyCredentials(t.db, { account: "acme", user: typed, password: "Passw0rd!" }, { address: "192.0.2.60" })).toBeNull();
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:sessions:signIn"), like(auditEvents.actor, "acme/%")))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ actor: `acme/${shown} (unknown user)`, decision: "deny", actorUserId: null });
    expect(event!.detail).toMatchObject({ unknownUser: true, attemptedUserName: shown });
  });
});

describe("throttling", () => {
  test("40 parallel attempts: no more than the free failures are evaluated, and then the right password is refused too", async () => {
    const now = at(0);
    const address = "198.51.100.77";
    checks.n = 0;
    const wrong = Array.from({ length: 40 }, (_, i) =>
      verifyCredentials(t.db, { account: "globex", password: `guess-${i}` }, { address, now }).then(
        () => "evaluated",
        (e: unknown) => (e instanceof SignInThrottledError ? "throttled" : Promise.reject(e)),
      ),
    );
    const outcomes = await Promise.all(wrong);
    expect(outcomes.filter((o) => o === "evaluated")).toHaveLength(PAIR_FREE_FAILURES);
    expect(checks.n).toBe(PAIR_FREE_FAILURES);
    const right = await Promise.allSettled(
      Array.from({ length: 10 }, () => verifyCredentials(t.db, { account: "globex", password: "Globex-Passw0rd!" }, { address, now })),
    );
    expect(right.every((r) => r.status === "rejected" && r.reason instanceof SignInThrottledError)).toBe(true);
    expect(checks.n).toBe(PAIR_FREE_FAILURES);
  });

  test("after five failures a pair waits 32 s, then 64 s; a success clears it", async () => {
    const address = "198.51.100.88";
    const attempt = (password: string, seconds: number) =>
      verifyCredentials(t.db, { account: "initech", user: "ian", password }, { address, now: at(seconds) });
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) expect(await attempt(`guess-${i}`, 100)).toBeNull();
    const first = await attempt("guess", 101).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(SignInThrottledError);
    expect(english((first as SignInThrottledError).message)).toBe("Too many failed sign-in attempts. Try again in 31 seconds.");
    expect(await attempt("guess", 132)).toBeNull();
    await expect(attempt("Passw0rd!", 190)).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await attempt("Passw0rd!", 196)).not.toBeNull();
    expect(await attempt("guess-again", 197)).toBeNull();
  });

  test("failures against one account from many addresses slow it down but never lock out its user from a clean address", async () => {
    const account = { account: "umbrella", password: "wrong" };
    for (let i = 0; i < ACCOUNT_CEILING; i++) {
      expect(await verifyCredentials(t.db, account, { address: `203.0.113.${i}`, now: at(1000 + i) })).toBeNull();
    }
    // An address that failed before now waits from its first failure on (2 s after one failure).
    await expect(verifyCredentials(t.db, account, { address: "203.0.113.19", now: at(1020) })).rejects.toBeInstanceOf(SignInThrottledError);
    // The account admits one attempt a second…
    await expect(verifyCredentials(t.db, account, { address: "203.0.113.200", now: at(1019.5) })).rejects.toBeInstanceOf(SignInThrottledError);
    // …and the real root, from an address of its own, gets in.
    expect(await verifyCredentials(t.db, { account: "umbrella", password: "Umbrella-Passw0rd!" }, { address: "192.0.2.10", now: at(1021) })).not.toBeNull();
  });

  test("an address with too many failures is throttled whatever account it tries", async () => {
    for (let i = 0; i < ADDRESS_CEILING; i++) {
      await verifyCredentials(t.db, { account: `no-such-${i}`, password: "x" }, { address: "203.0.113.250", now: at(2000) });
    }
    await expect(
      verifyCredentials(t.db, { account: "globex", user: "gina", password: "Passw0rd!" }, { address: "203.0.113.250", now: at(2000) }),
    ).rejects.toBeInstanceOf(SignInThrottledError);
    expect(
      await verifyCredentials(t.db, { account: "globex", user: "gina", password: "Passw0rd!" }, { address: "203.0.113.251", now: at(2000) }),
    ).not.toBeNull();
  });
});

test("a pair's failures are forgotten after a day", async () => {
  const address = "198.51.100.99";
  const attempt = (seconds: number) => verifyCredentials(t.db, { account: "initech", password: "wrong" }, { address, now: at(seconds) });
  for (let i = 0; i < PAIR_FREE_FAILURES; i++) await attempt(5000);
  await expect(attempt(5001)).rejects.toBeInstanceOf(SignInThrottledError);
  expect(await attempt(5000 + 24 * 60 * 60 + 1)).toBeNull();
});
