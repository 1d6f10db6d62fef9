import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { federationAttempts, groupMembers, groups, type IdentityProvider, identityProviders, users } from "@/db/schema";
import { sealSecret } from "@/lib/access-keys/secret-box";
import { listAuditEvents } from "@/lib/audit-trail";
import { signedInPrincipal } from "@/lib/auth/principal";
import type { Caller } from "@/lib/caller";
import { ATTEMPTS_PER_ADDRESS, addressKey, bindingFor, spendAttempt } from "@/lib/federation/attempts";
import { FederationRefusal, type OidcPort } from "@/lib/federation/oidc";
import { AccountRefusal, beginFederatedSignIn, completeFederatedSignIn, providersForSignIn } from "@/lib/federation/sign-in";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { auditCount, tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;
let provider: IdentityProvider;

const REDIRECT = "https://console.example/api/federation/callback";
const rules = [
  { local: [{ user: { name: "{0}" } }, { group: { name: "admins" } }], remote: [{ type: "email" }, { type: "groups", any_one_of: ["cloud-admins"] }] },
  { local: [{ user: { name: "{0}" } }], remote: [{ type: "email" }] },
];

/** Stands in for the provider: hands back the claims it is given, and remembers what it was asked. */
class FakeProvider implements OidcPort {
  claims: Record<string, unknown> = { sub: "sub-ann", email: "ann@corp.example", groups: ["cloud-admins"] };
  failure: Error | null = null;
  /** Runs while the person is "at the provider", after the answer was read and before it is judged. */
  during: (() => Promise<unknown>) | null = null;
  asked: { redirectUri: string; state: string; nonce: string; codeVerifier: string }[] = [];
  exchanged: { currentUrl: URL; state: string; nonce: string; codeVerifier: string }[] = [];
  async authorizationUrl(_p: IdentityProvider, request: { redirectUri: string; state: string; nonce: string; codeVerifier: string }) {
    if (this.failure) throw this.failure;
    this.asked.push(request);
    return new URL(`https://idp.example/authorize?state=${request.state}`);
  }
  async exchange(_p: IdentityProvider, answer: { currentUrl: URL; state: string; nonce: string; codeVerifier: string }) {
    this.exchanged.push(answer);
    await this.during?.();
    if (this.failure) throw this.failure;
    return this.claims;
  }
}

let idp: FakeProvider;
const browser = bindingFor(undefined);
const client = { address: "198.51.100.7", userAgent: "test" };

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  [provider] = (await t.db
    .insert(identityProviders)
    .values({ accountId: acme.accountId, name: "corp", issuer: "https://idp.example", clientId: "mandate", clientSecret: sealSecret("s"), rules })
    .returning()) as [IdentityProvider];
});
afterAll(() => t.dispose());
beforeEach(() => {
  idp = new FakeProvider();
});

const begin = (over: Partial<{ accountName: string; providerId: string; binding: string; address: string }> = {}) =>
  beginFederatedSignIn(t.db, idp, {
    accountName: over.accountName ?? "ACME",
    providerId: over.providerId ?? provider.id,
    binding: over.binding ?? browser,
    redirectUri: REDIRECT,
    returnTo: "/iam/users",
    client: { ...client, address: over.address ?? client.address },
  });

// `binding` given as undefined means a browser without the cookie (so no default parameter).
const answer = (state: string, ...cookie: [binding?: string]) =>
  completeFederatedSignIn(t.db, idp, {
    callbackUrl: new URL(`http://internal:3000/api/federation/callback?code=c0de&state=${state}`),
    binding: cookie.length === 0 ? browser : cookie[0],
    client,
  });

const stateOf = (url: URL) => url.searchParams.get("state")!;
// Spending an attempt deletes its row; everything else must stay as it was.
const withoutAttempts = ({ federation_attempts: _a, ...rest }: Record<string, string>) => rest;

async function federatedEvents() {
  const page = await listAuditEvents(t.db, acme, { action: "iam:sessions:signIn" });
  return page.events.filter((e) => (e.detail as { federated?: unknown }).federated !== undefined);
}

describe("starting a federated sign-in", () => {
  test("the sign-in page offers an account's enabled providers, and nothing for an unknown account", async () => {
    expect((await providersForSignIn(t.db, "acme")).map((p) => p.name)).toContain("corp");
    expect(await providersForSignIn(t.db, "no-such-account")).toEqual([]);
    expect(await providersForSignIn(t.db, "bad name!")).toEqual([]);
  });

  test("sends the person to the provider with a fresh state, nonce and verifier, kept only as the attempt", async () => {
    const url = await begin();
    const [asked] = idp.asked;
    expect(asked).toMatchObject({ redirectUri: REDIRECT, state: stateOf(url) });
    expect(new Set([asked!.state, asked!.nonce, asked!.codeVerifier]).size).toBe(3);
    const [row] = await t.db.select().from(federationAttempts).where(eq(federationAttempts.state, asked!.state));
    // The verifier is sealed at rest, and the browser binding is stored only as a hash.
    expect(row!.codeVerifier).not.toContain(asked!.codeVerifier);
    expect(row!.bindingHash).not.toBe(browser);
    expect(row!.returnTo).toBe("/iam/users");
  });

  test("an unknown account, an unknown provider or one of another account is unavailable, and nothing is written", async () => {
    const globex = await callerFor(t.db, "globex");
    const before = await tableCounts(t.db);
    const events = await auditCount(t.db);
    for (const request of [{ accountName: "nobody" }, { providerId: "00000000-0000-4000-8000-000000000000" }, { accountName: globex.accountName }]) {
      expect((await rejection<FederationRefusal>(() => begin(request))).reason).toBe("unavailable");
    }
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await auditCount(t.db)).toBe(events);
  });

  test("an unreachable provider refuses the start and is audited for the account", async () => {
    idp.failure = new FederationRefusal("unreachable", "fetch failed");
    expect((await rejection<FederationRefusal>(() => begin({ address: "198.51.100.8" }))).reason).toBe("unreachable");
    const [event] = await listAuditEvents(t.db, acme, { action: "iam:sessions:signIn" }).then((p) => p.events);
    expect(event).toMatchObject({ decision: "deny" });
    expect(event!.detail).toMatchObject({ reason: "errors.auditReason.federation.unreachable" });
    // Why it was unreachable would map the network for whoever sets the issuer.
    expect(event!.detail).not.toHaveProperty("providerSaid");
  });

  test(`one address may start ${ATTEMPTS_PER_ADDRESS} sign-ins in ten minutes, however many arrive at once`, async () => {
    const address = "203.0.113.99";
    const results = await Promise.allSettled(Array.from({ length: ATTEMPTS_PER_ADDRESS + 8 }, () => begin({ address })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(ATTEMPTS_PER_ADDRESS);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as FederationRefusal).reason)).toEqual(Array(8).fill("throttled"));
    // Another address is not held back by this one.
    await expect(begin({ address: "203.0.113.100" })).resolves.toBeInstanceOf(URL);
  });

  test("spending one's own attempts at once buys no more starts", async () => {
    const address = "203.0.113.101";
    for (let i = 0; i < ATTEMPTS_PER_ADDRESS; i++) {
      const state = stateOf(await begin({ address }));
      expect(await spendAttempt(t.db, state, browser)).not.toBeNull();
    }
    expect((await rejection<FederationRefusal>(() => begin({ address }))).reason).toBe("throttled");
  });
});

describe("coming back from the provider", () => {
  test("signs the person in as the federated user the rules name, in the rules' groups, and audits it", async () => {
    const state = stateOf(await begin());
    const signedIn = await answer(state);
    expect(signedIn).toMatchObject({ accountId: acme.accountId, name: "ann@corp.example", returnTo: "/iam/users" });
    // The grant is made against the redirect URI the attempt was opened with, whatever host the answer reached.
    expect(idp.exchanged[0]!.currentUrl.toString()).toBe(`${REDIRECT}?code=c0de&state=${state}`);
    expect(idp.exchanged[0]!.codeVerifier).toBe(idp.asked[0]!.codeVerifier);
    expect(idp.exchanged[0]!.nonce).toBe(idp.asked[0]!.nonce);
    const [user] = await t.db.select().from(users).where(eq(users.id, signedIn.userId));
    expect(user).toMatchObject({ providerId: provider.id, subject: "sub-ann", name: "ann@corp.example" });
    const memberOf = await t.db
      .select({ name: groups.name })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(eq(groupMembers.userId, signedIn.userId));
    expect(memberOf.map((g) => g.name)).toEqual(["admins"]);
    const principal = await signedInPrincipal(t.db, { accountId: acme.accountId, userId: signedIn.userId, loginId: signedIn.loginId });
    expect(principal?.caller.federated).toEqual({ providerId: provider.id, provider: "corp", subject: "sub-ann" });
    const [event] = await federatedEvents();
    expect(event).toMatchObject({ decision: "allow", actor: "acme/ann@corp.example (federated via corp)" });
    expect(event!.detail).toMatchObject({ address: client.address, groups: ["admins"], federated: { provider: "corp", subject: "sub-ann" } });
  });

  test("an answer is spent on first use: replayed, it finds nothing", async () => {
    const state = stateOf(await begin());
    await answer(state);
    expect((await rejection<FederationRefusal>(() => answer(state))).reason).toBe("attempt");
  });

  test("a tampered state, another browser's answer or no binding cookie signs nobody in; the real browser still can", async () => {
    const state = stateOf(await begin());
    const before = await tableCounts(t.db);
    const events = await auditCount(t.db);
    for (const [s, binding] of [
      [`${state}x`, browser],
      [state, bindingFor(undefined)],
      [state, undefined],
      ["", browser],
    ] as const) {
      const refusal = await rejection<FederationRefusal>(() => answer(s, binding));
      expect(refusal.reason).toBe("attempt");
      expect(refusal).not.toBeInstanceOf(AccountRefusal);
    }
    expect(idp.exchanged).toEqual([]);
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await auditCount(t.db)).toBe(events);
    await expect(answer(state)).resolves.toMatchObject({ name: "ann@corp.example" });
  });

  test("an answer after ten minutes is refused", async () => {
    const state = stateOf(await begin());
    await t.db
      .update(federationAttempts)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(federationAttempts.state, state));
    expect((await rejection<FederationRefusal>(() => answer(state))).reason).toBe("attempt");
    expect(idp.exchanged).toEqual([]);
  });

  test.each([
    ["an ID token that fails verification", () => new FederationRefusal("id_token", "JWT signature verification failed"), "id_token"],
    ["a wrong client secret", () => new FederationRefusal("client_rejected", "invalid_client"), "client_rejected"],
    ["an unexpected failure", () => new Error("boom"), "failed"],
  ])("%s refuses the sign-in for the account, audits why and writes nothing else", async (_label, failure, reason) => {
    const state = stateOf(await begin());
    const before = withoutAttempts(await tableCounts(t.db));
    const events = await auditCount(t.db);
    idp.failure = failure();
    const refusal = await rejection<Error>(() => answer(state));
    if (reason === "failed") expect(refusal.message).toBe("boom");
    else expect(refusal).toMatchObject({ reason, accountName: "acme" });
    expect(withoutAttempts(await tableCounts(t.db))).toEqual(before);
    expect(await auditCount(t.db)).toBe(events + 1);
    const [event] = await listAuditEvents(t.db, acme, { action: "iam:sessions:signIn" }).then((p) => p.events);
    expect(event).toMatchObject({ decision: "deny", actor: "acme/(not identified) (federated via corp)" });
    expect((event!.detail as { reason: string }).reason).toBe(`errors.auditReason.federation.${reason}`);
  });

  test("claims no rule matches refuse the sign-in and name the subject in the audit", async () => {
    idp.claims = { sub: "sub-nomail" };
    const state = stateOf(await begin());
    const before = withoutAttempts(await tableCounts(t.db));
    expect(await rejection<AccountRefusal>(() => answer(state))).toMatchObject({ reason: "no_rule", accountName: "acme" });
    expect(withoutAttempts(await tableCounts(t.db))).toEqual(before);
    const [event] = await listAuditEvents(t.db, acme, { action: "iam:sessions:signIn" }).then((p) => p.events);
    expect(event).toMatchObject({ decision: "deny", actor: "acme/sub-nomail (not admitted) (federated via corp)" });
  });

  test("a provider disabled while the person was away refuses the answer without asking the provider", async () => {
    const state = stateOf(await begin());
    await t.db.update(identityProviders).set({ enabled: false }).where(eq(identityProviders.id, provider.id));
    try {
      expect(await rejection<AccountRefusal>(() => answer(state))).toMatchObject({ reason: "unavailable", accountName: "acme" });
      expect(idp.exchanged).toEqual([]);
      expect((await rejection<FederationRefusal>(() => begin())).reason).toBe("unavailable");
    } finally {
      await t.db.update(identityProviders).set({ enabled: true }).where(eq(identityProviders.id, provider.id));
    }
  });

  test.each([
    ["edited", { updatedAt: new Date(Date.now() + 1000) }, "changed"],
    ["disabled", { enabled: false }, "unavailable"],
  ] as const)("a provider %s while its answer is being checked admits no one by its old settings", async (_label, change, reason) => {
    const state = stateOf(await begin());
    const before = withoutAttempts(await tableCounts(t.db));
    idp.claims = { sub: "sub-racer", email: "racer@corp.example", groups: ["cloud-admins"] };
    idp.during = () => t.db.update(identityProviders).set(change).where(eq(identityProviders.id, provider.id));
    try {
      expect(await rejection<AccountRefusal>(() => answer(state))).toMatchObject({ reason, accountName: "acme" });
      const after = withoutAttempts(await tableCounts(t.db));
      expect({ ...after, identity_providers: "" }).toEqual({ ...before, identity_providers: "" });
    } finally {
      const [row] = await t.db.update(identityProviders).set({ enabled: true }).where(eq(identityProviders.id, provider.id)).returning();
      provider = row!;
    }
  });

  test("a group the rules name that has since gone refuses the person and writes no user, membership or sign-in", async () => {
    const [temp] = await t.db.insert(groups).values({ accountId: acme.accountId, name: "temp-ops" }).returning();
    const [p] = await t.db
      .insert(identityProviders)
      .values({
        accountId: acme.accountId,
        name: "temp-idp",
        issuer: "https://idp.example",
        clientId: "m",
        clientSecret: sealSecret("s"),
        rules: [{ local: [{ user: { name: "{0}" } }, { group: { name: "temp-ops" } }], remote: [{ type: "email" }] }],
      })
      .returning();
    const state = stateOf(await begin({ providerId: p!.id }));
    await t.db.delete(groups).where(eq(groups.id, temp!.id));
    idp.claims = { sub: "sub-cy", email: "cy@corp.example" };
    const before = withoutAttempts(await tableCounts(t.db));
    expect(await rejection<AccountRefusal>(() => answer(state))).toMatchObject({ reason: "missing_group", accountName: "acme" });
    expect(withoutAttempts(await tableCounts(t.db))).toEqual(before);
    expect(await t.db.select().from(users).where(eq(users.providerId, p!.id))).toEqual([]);
  });
});

describe("counting starts by address", () => {
  test.each([
    ["198.51.100.7", "198.51.100.7"],
    ["2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["unknown", "unknown"],
  ])("%s counts as %s", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  test("one /64 shares its starts however many of its addresses ask", async () => {
    for (let i = 0; i < ATTEMPTS_PER_ADDRESS; i++) await begin({ address: `2001:db8:77:1::${(i + 1).toString(16)}` });
    expect((await rejection<FederationRefusal>(() => begin({ address: "2001:db8:77:1:ffff::9" }))).reason).toBe("throttled");
    await expect(begin({ address: "2001:db8:77:2::1" })).resolves.toBeInstanceOf(URL);
  });
});
