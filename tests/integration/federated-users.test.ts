import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { groupMembers, identityProviders, users } from "@/db/schema";
import { createOwnAccessKey, listUserAccessKeys } from "@/lib/access-keys/access-keys";
import { listAuditEvents } from "@/lib/audit-trail";
import { verifyCredentials } from "@/lib/auth/credentials";
import { signedInPrincipal } from "@/lib/auth/principal";
import { startSignIn } from "@/lib/auth/sign-ins";
import { hashPassword } from "@/lib/auth/password";
import { type Caller, principalLabel } from "@/lib/caller";
import { simulate, simulatorPrincipals } from "@/lib/access/simulator";
import { endUserSignIns, signOut } from "@/lib/auth/sign-in-management";
import { authorizer } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import { addUserToGroup, createGroup, grantPolicyToGroup, removeUserFromGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { changeOwnPassword, resetUserPassword } from "@/lib/iam/passwords";
import { createUser, findUser, listUsers, userChoices } from "@/lib/iam/users";
import type { DomainError } from "@/lib/errors";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";
import { tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;
let federatedId: string;
let providerId: string;

// A federated user named like an IAM user could be, with a password hash that would verify: only
// its being federated keeps it out of what belongs to IAM users.
beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  const [provider] = await t.db
    .insert(identityProviders)
    .values({ accountId: acme.accountId, name: "corp", issuer: "https://idp.example", clientId: "mandate", clientSecret: "sealed", rules: [] })
    .returning();
  const [federated] = await t.db
    .insert(users)
    .values({ accountId: acme.accountId, name: "fiona", passwordHash: await hashPassword("Passw0rd!"), providerId: provider!.id, subject: "sub-1" })
    .returning();
  federatedId = federated!.id;
  providerId = provider!.id;
});
afterAll(() => t.dispose());

describe("a federated user is no IAM user", () => {
  test("it is not listed or offered with the account's users", async () => {
    expect((await listUsers(t.db, acme)).map((u) => u.name)).not.toContain("fiona");
    expect((await userChoices(t.db, acme)).map((u) => u.name)).not.toContain("fiona");
    await expect(findUser(t.db, acme, federatedId)).rejects.toMatchObject({ code: "user.not_found" });
  });

  test("it cannot sign in with a password", async () => {
    expect(await verifyCredentials(t.db, { account: "acme", user: "fiona", password: "Passw0rd!" })).toBeNull();
  });

  test("no one resets its password or reads its access keys", async () => {
    await expect(resetUserPassword(t.db, acme, { userId: federatedId, password: "N3w-Passw0rd!", confirmPassword: "N3w-Passw0rd!" })).rejects.toMatchObject({
      code: "user.not_found",
    });
    await expect(listUserAccessKeys(t.db, acme, federatedId)).rejects.toMatchObject({ code: "user.not_found" });
  });

  test("its name does not hold an IAM user's name: an IAM user of the same name can be created", async () => {
    const created = await createUser(t.db, acme, { name: "fiona", password: "Passw0rd!-x1", confirmPassword: "Passw0rd!-x1", description: "" });
    expect(created.name).toBe("fiona");
    expect((await listUsers(t.db, acme)).filter((u) => u.name === "fiona")).toHaveLength(1);
  });
});

describe("a federated user's sign-in", () => {
  test("stands for the user with its provider and subject, which its audit events carry", async () => {
    const loginId = await startSignIn(t.db, { accountId: acme.accountId, userId: federatedId });
    const signedIn = await signedInPrincipal(t.db, { accountId: acme.accountId, userId: federatedId, loginId });
    expect(signedIn?.caller).toMatchObject({ userName: "fiona", federated: { providerId, provider: "corp", subject: "sub-1" } });
    expect(principalLabel(signedIn!.caller)).toBe("acme/fiona (federated via corp)");
    // bob-like: no permission, so the attempt is refused and audited as the federated user.
    await expect(createGroup(t.db, signedIn!.caller, { name: "fed-made" })).rejects.toMatchObject({ name: "AccessDeniedError" });
    const [event] = (await listAuditEvents(t.db, acme, { actor: "acme/fiona (federated via corp)" })).events;
    expect(event).toMatchObject({
      action: "iam:groups:create",
      decision: "deny",
      detail: expect.objectContaining({ federated: { provider: "corp", subject: "sub-1" } }),
    });
  });

  test("an IAM user's stands for no provider", async () => {
    const alice = await callerFor(t.db, "acme", "alice");
    const loginId = await startSignIn(t.db, { accountId: acme.accountId, userId: alice.userId });
    const signedIn = await signedInPrincipal(t.db, { accountId: acme.accountId, userId: alice.userId, loginId });
    expect(signedIn?.caller.userName).toBe("alice");
    expect(signedIn?.caller).not.toHaveProperty("federated");
  });

  test("ends the moment its provider is disabled: the next request finds nobody", async () => {
    const loginId = await startSignIn(t.db, { accountId: acme.accountId, userId: federatedId });
    const session = { accountId: acme.accountId, userId: federatedId, loginId };
    expect(await signedInPrincipal(t.db, session)).not.toBeNull();
    await t.db.update(identityProviders).set({ enabled: false }).where(eq(identityProviders.id, providerId));
    try {
      expect(await signedInPrincipal(t.db, session)).toBeNull();
    } finally {
      await t.db.update(identityProviders).set({ enabled: true }).where(eq(identityProviders.id, providerId));
    }
  });
});

describe("g:UserName conditions", () => {
  // The name comes from the provider's claims, which a person may be able to set there (preferred_username).
  test("a federated user named like an IAM user does not answer for it; it answers as <provider>/<name>", async () => {
    const loginId = await startSignIn(t.db, { accountId: acme.accountId, userId: federatedId });
    const fiona = (await signedInPrincipal(t.db, { accountId: acme.accountId, userId: federatedId, loginId }))!.caller;
    const ecsAllowed = () =>
      authorizer(t.db, fiona).then((check) =>
        check({ action: "ecs:instances:list", resource: urn("ecs", "eu-west-0", acme.accountId, "instance", "*"), region: "eu-west-0" }),
      );
    const grantTo = async (names: string[]) => {
      const policy = await createPolicy(t.db, acme, {
        name: `OnlyFor${names.length}${Date.now()}`,
        document: JSON.stringify({
          Version: "1.1",
          Statement: [{ Effect: "Allow", Action: ["ecs:*:*"], Condition: { StringEquals: { "g:UserName": names } } }],
        }),
      });
      const group = await createGroup(t.db, acme, { name: `only-${names.length}-${Date.now()}` });
      await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: policy.id, scopeKind: "all" });
      await t.db.insert(groupMembers).values({ groupId: group.id, userId: federatedId });
    };
    await grantTo(["fiona"]);
    expect((await ecsAllowed()).allowed).toBe(false);
    // The policy simulator answers as the engine does, and says whom it simulated.
    const simulated = await simulate(t.db, acme, {
      principalType: "user",
      principalId: federatedId,
      action: "ecs:instances:list",
      resource: urn("ecs", "eu-west-0", acme.accountId, "instance", "*"),
      regionId: "eu-west-0",
      enterpriseProjectId: "",
    });
    expect(simulated).toMatchObject({ principal: "user fiona (federated via corp)" });
    expect(simulated.decision.allowed).toBe(false);
    expect((await simulatorPrincipals(t.db, acme)).users.find((u) => u.id === federatedId)?.name).toBe("fiona (federated via corp)");
    await grantTo(["corp/fiona", "x"]);
    expect((await ecsAllowed()).allowed).toBe(true);
  });
});

test("an administrator may take a group from a federated user at once, but only the rules give one", async () => {
  const group = await createGroup(t.db, acme, { name: `fed-remove-${Date.now()}` });
  await t.db.insert(groupMembers).values({ groupId: group.id, userId: federatedId });
  await removeUserFromGroup(t.db, acme, { groupId: group.id, userId: federatedId });
  expect(await t.db.select().from(groupMembers).where(eq(groupMembers.groupId, group.id))).toEqual([]);
  const [removed] = (await listAuditEvents(t.db, acme, { action: "iam:groups:removeUser" })).events;
  expect(removed!.detail).toMatchObject({ user: "fiona (federated via corp)" });
  await expect(addUserToGroup(t.db, acme, { groupId: group.id, userId: federatedId })).rejects.toMatchObject({ code: "user.not_found" });
});

test("an administrator's sign-out of it names it as federated, with the resource <provider>/<name> its policies are checked against", async () => {
  await startSignIn(t.db, { accountId: acme.accountId, userId: federatedId });
  const ended = await endUserSignIns(t.db, acme, { userId: federatedId });
  expect(ended.userName).toBe("fiona (federated via corp)");
  expect(ended.ended).toBeGreaterThan(0);
  const [event] = (await listAuditEvents(t.db, acme, { action: "iam:users:revokeSessions" })).events;
  expect(event).toMatchObject({ target: "user fiona (federated via corp)" });
  expect((event!.detail as { resource: string }).resource).toMatch(/:user:corp\/fiona$/);
});

test("its sign-out is audited as the federated user, never as an IAM user of its name", async () => {
  const loginId = await startSignIn(t.db, { accountId: acme.accountId, userId: federatedId });
  await signOut(t.db, { accountId: acme.accountId, userId: federatedId }, loginId);
  const [event] = (await listAuditEvents(t.db, acme, { action: "iam:sessions:signOut" })).events;
  expect(event).toMatchObject({
    actor: "acme/fiona (federated via corp)",
    detail: expect.objectContaining({ federated: { provider: "corp", subject: "sub-1" } }),
  });
});

describe("what a federated user cannot have", () => {
  test("its own access keys or a password change: refused with why, nothing written", async () => {
    const loginId = await startSignIn(t.db, { accountId: acme.accountId, userId: federatedId });
    const fiona = (await signedInPrincipal(t.db, { accountId: acme.accountId, userId: federatedId, loginId }))!.caller;
    const before = await tableCounts(t.db);
    const keys = await rejection<DomainError>(() => createOwnAccessKey(t.db, fiona, {}));
    expect(english(keys.message)).toBe("A federated user cannot have access keys: it signs in through its identity provider.");
    const password = await rejection<DomainError>(() =>
      changeOwnPassword(t.db, fiona, { currentPassword: "Passw0rd!", password: "N3w-Passw0rd!", confirmPassword: "N3w-Passw0rd!" }, loginId),
    );
    expect(password).toMatchObject({ code: "user.federated_password", field: "currentPassword" });
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
