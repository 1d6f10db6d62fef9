import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { identityProviders, policies, signIns, users } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit-trail";
import { startSignIn } from "@/lib/auth/sign-ins";
import type { Caller } from "@/lib/caller";
import type { DomainError, ValidationError } from "@/lib/errors";
import {
  createIdentityProvider,
  deleteIdentityProvider,
  getIdentityProvider,
  listIdentityProviders,
  setIdentityProviderEnabled,
  updateIdentityProvider,
} from "@/lib/federation/providers";
import { createPolicy } from "@/lib/iam/policies";
import { assumeRole } from "@/lib/roles/role-sessions";
import { agencyTrustingGlobex, callerFor, rejection, testDatabase, type TestDatabase, userWithPolicies } from "../helpers/db";
import { english, englishFields } from "../helpers/english";
import { tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
});
afterAll(() => t.dispose());

const issueRules = JSON.stringify([
  { local: [{ user: { name: "{0}" } }, { group: { name: "admins" } }], remote: [{ type: "email" }, { type: "groups", any_one_of: ["cloud-admins"] }] },
]);

const form = (name: string, over: Record<string, string> = {}) => ({
  name,
  description: "",
  issuer: "https://idp.example.com/realms/corp",
  clientId: "mandate",
  clientSecret: "s3cret-value",
  scopes: "openid email profile",
  rules: issueRules,
  ...over,
});

async function fieldErrors(fn: () => Promise<unknown>) {
  const error = await rejection<ValidationError>(fn);
  expect(error.name).toBe("ValidationError");
  return englishFields(error.fieldErrors);
}

describe("creating an identity provider", () => {
  test("root creates one; the list and its page show it, the secret is sealed and never shown, and it is audited", async () => {
    const created = await createIdentityProvider(t.db, acme, form("corp-idp"));
    const [row] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, created.id));
    expect(row!.clientSecret).not.toContain("s3cret-value");
    expect(row!.clientSecret).toMatch(/^v1:/);
    expect((await listIdentityProviders(t.db, acme)).map((p) => [p.name, p.enabled, p.federatedUsers])).toContainEqual(["corp-idp", true, 0]);
    const page = await getIdentityProvider(t.db, acme, created.id);
    expect(page.provider).not.toHaveProperty("clientSecret");
    expect(JSON.parse(page.provider.rulesText)).toEqual(JSON.parse(issueRules));
    // `groups` is no standard claim of openid, email and profile: the page says to check it is sent.
    expect(page.flags.map(english)).toEqual([
      'The rules read the claim "groups", which the requested scopes (openid email profile) do not provide: make sure the identity provider sends it.',
    ]);
    const events = (await listAuditEvents(t.db, acme, { action: "iam:identityProviders:create" })).events;
    expect(events[0]).toMatchObject({ target: "identity provider corp-idp", decision: "allow" });
    expect(JSON.stringify(events[0]!.detail)).not.toContain("s3cret-value");
  });

  test.each([
    [{ issuer: "http://idp.example.com" }, "issuer", /must use https/],
    [{ issuer: "https://idp.example.com/?tenant=1" }, "issuer", /must not contain a user name, password, query or fragment/],
    [{ issuer: "idp.example.com" }, "issuer", /absolute URL/],
    [{ scopes: "email profile" }, "scopes", /must include openid/],
    [{ scopes: 'openid "x"' }, "scopes", /quotes or backslashes/],
    [{ clientSecret: " " }, "clientSecret", /Client secret is required|required/],
    [{ rules: "[{" }, "rules", /Invalid JSON at line 1/],
    [{ name: "-bad" }, "name", /starting with a letter or digit/],
  ])("%j is refused at the field %s and nothing is written", async (over, field, message) => {
    const before = await tableCounts(t.db);
    const errors = await fieldErrors(() => createIdentityProvider(t.db, acme, form("refused-idp", over)));
    expect(errors[field]?.join(" ")).toMatch(message);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test("plain http on this machine is refused unless the operator allows it, so no tenant can aim the server at its loopback ports", async () => {
    for (const local of ["http://127.0.0.1:9999", "https://localhost:8443", "https://127.0.0.2", "http://[::1]:80"]) {
      const errors = await fieldErrors(() => createIdentityProvider(t.db, acme, form("local-idp", { issuer: local })));
      expect(errors.issuer?.join(" "), local).toMatch(/MANDATE_LOOPBACK_ISSUERS=on/);
    }
    process.env.MANDATE_LOOPBACK_ISSUERS = "on";
    try {
      await expect(createIdentityProvider(t.db, acme, form("local-idp", { issuer: "http://127.0.0.1:9999" }))).resolves.toMatchObject({ name: "local-idp" });
    } finally {
      delete process.env.MANDATE_LOOPBACK_ISSUERS;
    }
  });

  test("rules naming a group that does not exist are refused at the rules field; nothing is written", async () => {
    const before = await tableCounts(t.db);
    const rules = issueRules.replace('"admins"', '"no-such-group"');
    const error = await rejection<DomainError>(() => createIdentityProvider(t.db, acme, form("ghost-idp", { rules })));
    expect(error).toMatchObject({ code: "validation.failed", field: "rules" });
    expect(english(error.message)).toBe('The rules name the user group "no-such-group", which does not exist in this account.');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test("a name is taken whatever its letter case", async () => {
    const error = await rejection<DomainError>(() => createIdentityProvider(t.db, acme, form("CORP-IDP")));
    expect(error).toMatchObject({ code: "identity_provider.name_taken", field: "name" });
  });
});

describe("who may set one up", () => {
  test("a user with no permission is refused, and the refusal is audited", async () => {
    const bob = await callerFor(t.db, "acme", "bob");
    const before = await tableCounts(t.db);
    const error = await rejection(() => createIdentityProvider(t.db, bob, form("bob-idp")));
    expect(error.name).toBe("AccessDeniedError");
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await listAuditEvents(t.db, acme, { actor: "acme/bob", decision: "deny" })).events[0]).toMatchObject({ action: "iam:identityProviders:create" });
  });

  test("a user who may manage providers and add users to groups, but does not hold what admins grants, cannot map people into admins", async () => {
    const policy = await createPolicy(t.db, acme, {
      name: "IdpManager",
      description: "",
      document: JSON.stringify({
        Version: "1.1",
        Statement: [{ Effect: "Allow", Action: ["iam:identityProviders:*", "iam:groups:addUser", "iam:groups:list"] }],
      }),
    });
    const manager = await userWithPolicies(t.db, acme, "idp-manager", [{ policyId: policy.id, scopeKind: "global" }]);
    const before = await tableCounts(t.db);
    const error = await rejection(() => createIdentityProvider(t.db, manager, form("manager-idp")));
    expect(error.name).toBe("AccessDeniedError");
    expect(await tableCounts(t.db)).toEqual(before);
    // Rules that name no group hand on nothing: the same user may set those up.
    const plain = JSON.stringify([{ local: [{ user: { name: "{0}" } }], remote: [{ type: "email" }] }]);
    await expect(createIdentityProvider(t.db, manager, form("manager-plain-idp", { rules: plain }))).resolves.toMatchObject({ name: "manager-plain-idp" });
  });

  test("a switched role cannot set up a way into the account, even with Security Administrator", async () => {
    const [securityAdmin] = await t.db.select().from(policies).where(eq(policies.name, "Security Administrator"));
    await agencyTrustingGlobex(t.db, acme, securityAdmin!.id, "globex-security", { scopeKind: "global" });
    const gina = await callerFor(t.db, "globex", "gina");
    const login = await startSignIn(t.db, gina);
    const { caller } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "globex-security" }, login);
    const before = await tableCounts(t.db);
    const error = await rejection(() => createIdentityProvider(t.db, caller, form("role-idp")));
    expect(error.name).toBe("AccessDeniedError");
    expect(english(error.message)).toMatch(/password|credential|role/i);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe("changing, disabling and deleting", () => {
  test("an edit keeps the secret when none is typed, and replaces it when one is", async () => {
    const { id } = await createIdentityProvider(t.db, acme, form("edit-idp"));
    const sealed = async () => (await t.db.select().from(identityProviders).where(eq(identityProviders.id, id)))[0]!.clientSecret;
    const first = await sealed();
    await updateIdentityProvider(t.db, acme, { ...form("ignored"), providerId: id, clientSecret: "", description: "edited" });
    expect(await sealed()).toBe(first);
    expect((await getIdentityProvider(t.db, acme, id)).provider.description).toBe("edited");
    await updateIdentityProvider(t.db, acme, { ...form("ignored"), providerId: id, clientSecret: "another-secret" });
    expect(await sealed()).not.toBe(first);
  });

  test("disabling signs its federated users out; deleting removes them", async () => {
    const { id } = await createIdentityProvider(t.db, acme, form("off-idp"));
    const [federated] = await t.db
      .insert(users)
      .values({ accountId: acme.accountId, name: "fed@corp.example", passwordHash: "!", providerId: id, subject: "s-1" })
      .returning();
    const login = await startSignIn(t.db, { accountId: acme.accountId, userId: federated!.id });
    await setIdentityProviderEnabled(t.db, acme, { providerId: id, enabled: "no" });
    const [signIn] = await t.db.select().from(signIns).where(eq(signIns.id, login));
    expect(signIn!.endedAt).not.toBeNull();
    expect((await getIdentityProvider(t.db, acme, id)).federatedUsers.map((u) => u.name)).toEqual(["fed@corp.example"]);
    await deleteIdentityProvider(t.db, acme, { providerId: id });
    expect(await t.db.select().from(users).where(eq(users.id, federated!.id))).toEqual([]);
    await expect(getIdentityProvider(t.db, acme, id)).rejects.toMatchObject({ code: "identity_provider.not_found" });
  });

  test("an edit of the description signs no one out; changed rules sign its federated users out; another issuer removes them", async () => {
    const { id } = await createIdentityProvider(t.db, acme, form("changing-idp"));
    const [federated] = await t.db
      .insert(users)
      .values({ accountId: acme.accountId, name: "chg@corp.example", passwordHash: "!", providerId: id, subject: "s-chg" })
      .returning();
    const ended = async (login: string) => (await t.db.select().from(signIns).where(eq(signIns.id, login)))[0]!.endedAt !== null;
    const first = await startSignIn(t.db, { accountId: acme.accountId, userId: federated!.id });
    // The same rules, written with their keys in another order, are no change.
    const reordered = JSON.stringify(JSON.parse(issueRules).map((r: Record<string, unknown>) => ({ remote: r.remote, local: r.local })));
    await updateIdentityProvider(t.db, acme, { ...form("ignored"), providerId: id, clientSecret: "", description: "only words", rules: reordered });
    expect(await ended(first)).toBe(false);

    const narrower = JSON.stringify([{ local: [{ user: { name: "{0}" } }], remote: [{ type: "email" }] }]);
    await updateIdentityProvider(t.db, acme, { ...form("ignored"), providerId: id, clientSecret: "", rules: narrower });
    expect(await ended(first)).toBe(true);
    expect((await getIdentityProvider(t.db, acme, id)).federatedUsers.map((u) => u.name)).toEqual(["chg@corp.example"]);

    // Another issuer's subjects are other people.
    await updateIdentityProvider(t.db, acme, { ...form("ignored"), providerId: id, clientSecret: "", rules: narrower, issuer: "https://other.example.com" });
    expect((await getIdentityProvider(t.db, acme, id)).federatedUsers).toEqual([]);
  });

  test("another account's provider is not found", async () => {
    const { id } = await createIdentityProvider(t.db, acme, form("private-idp"));
    const globex = await callerFor(t.db, "globex");
    await expect(getIdentityProvider(t.db, globex, id)).rejects.toMatchObject({ code: "identity_provider.not_found" });
    await expect(deleteIdentityProvider(t.db, globex, { providerId: id })).rejects.toMatchObject({ code: "identity_provider.not_found" });
  });
});
