import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditEvents, enterpriseProjects, policies } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, DomainError, ValidationError } from "@/lib/errors";
import { addUserToGroup, createGroup, deleteGroup, getGroup, grantPolicyToGroup, revokeGrant } from "@/lib/iam/groups";
import { createPolicy, deletePolicy, getPolicy, updatePolicy } from "@/lib/iam/policies";
import { createUser, deleteUser, listUsers } from "@/lib/iam/users";
import { listInstances } from "@/lib/resources/ecs";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";
import { auditCount, tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let alice: Caller;
let bob: Caller;
let ecsReadOnly: string;

beforeAll(async () => {
  t = await testDatabase();
  alice = await callerFor(t.db, "acme", "alice");
  bob = await callerFor(t.db, "acme", "bob");
  const [policy] = await t.db.select().from(policies).where(eq(policies.name, "ECS ReadOnlyAccess"));
  ecsReadOnly = policy!.id;
});
afterAll(() => t.dispose());

const goodUser = { name: "carol", password: "Str0ng-pass", confirmPassword: "Str0ng-pass", description: "" };

/** Expects a ValidationError naming `field`, and that nothing at all was written. */
async function expectFieldError(field: string, fn: () => Promise<unknown>, message?: RegExp) {
  const before = await tableCounts(t.db);
  const events = await auditCount(t.db);
  const error = await rejection(fn);
  expect(error).toBeInstanceOf(DomainError);
  const fieldErrors = error instanceof ValidationError ? error.fieldErrors : { [(error as DomainError).field ?? "?"]: [error.message] };
  expect(Object.keys(fieldErrors)).toContain(field);
  if (message) expect(fieldErrors[field]!.map(english).join(" ")).toMatch(message);
  expect(await tableCounts(t.db)).toEqual(before);
  expect(await auditCount(t.db)).toBe(events);
}

describe("users", () => {
  test("alice creates a user; the event is recorded with her as the actor", async () => {
    const created = await createUser(t.db, alice, { ...goodUser, name: "carol" });
    expect((await listUsers(t.db, alice)).map((u) => u.name)).toContain("carol");
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:users:create"), eq(auditEvents.target, "user carol")));
    expect(event).toMatchObject({ actor: "acme/alice", decision: "allow", accountId: alice.accountId });
    await deleteUser(t.db, alice, { userId: created.id });
    expect((await listUsers(t.db, alice)).map((u) => u.name)).not.toContain("carol");
  });

  test.each([
    ["name", { ...goodUser, name: "" }, /User name is required/],
    ["name", { ...goodUser, name: "x".repeat(33) }, /at most 32 characters/],
    ["name", { ...goodUser, name: "bad name!" }, /only letters, digits/],
    ["name", { ...goodUser, name: "9lives" }, /start with a letter/],
    ["password", { ...goodUser, password: "short", confirmPassword: "short" }, /at least 8/],
    ["password", { ...goodUser, password: "alllowercase", confirmPassword: "alllowercase" }, /two of/],
    ["confirmPassword", { ...goodUser, confirmPassword: "Other-pass1" }, /do not match/],
    ["description", { ...goodUser, description: "d".repeat(256) }, /at most 255/],
  ])("bad %s is rejected with a field message and nothing written", async (field, input, message) => {
    await expectFieldError(field, () => createUser(t.db, alice, input), message);
  });

  test("a taken name is a field error", async () => {
    await expectFieldError("name", () => createUser(t.db, alice, { ...goodUser, name: "bob" }), /already exists/);
  });

  test("a user may not delete the user they are signed in as", async () => {
    const error = await rejection(() => deleteUser(t.db, alice, { userId: alice.userId }));
    expect((error as DomainError).code).toBe("user.self_delete");
  });

  test("bob, without permissions, is refused and the refusal is audited", async () => {
    const before = await tableCounts(t.db);
    const error = await rejection(() => createUser(t.db, bob, { ...goodUser, name: "mallory" }));
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error.message).toMatch(/iam:users:create/);
    expect(await tableCounts(t.db)).toEqual(before);
    const denials = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actor, "acme/bob"), eq(auditEvents.action, "iam:users:create")));
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({ decision: "deny", target: "user mallory" });
    await expect(listUsers(t.db, bob)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("groups and grants", () => {
  test("a group with a region-scoped grant gives its members exactly that", async () => {
    const dave = await createUser(t.db, alice, { ...goodUser, name: "dave" });
    const group = await createGroup(t.db, alice, { name: "ecs-readers", description: "Read ECS in Beijing" });
    await grantPolicyToGroup(t.db, alice, { groupId: group.id, policyId: ecsReadOnly, scopeKind: "regions", regions: ["cn-north-4"] });
    await addUserToGroup(t.db, alice, { userId: dave.id, groupId: group.id });
    const daveCaller = await callerFor(t.db, "acme", "dave");
    expect((await listInstances(t.db, daveCaller)).map((i) => i.name).sort()).toEqual(["pay-api-01", "web-01"]);
    const details = await getGroup(t.db, alice, group.id);
    expect(details.members.map((m) => m.name)).toEqual(["dave"]);
    expect(details.grants).toMatchObject([{ policyName: "ECS ReadOnlyAccess", scopeKind: "regions", scopeValues: ["cn-north-4"] }]);

    // Re-granting replaces the scope: now only the payments enterprise project.
    const [payments] = await t.db
      .select()
      .from(enterpriseProjects)
      .where(and(eq(enterpriseProjects.accountId, alice.accountId), eq(enterpriseProjects.name, "payments")));
    await grantPolicyToGroup(t.db, alice, { groupId: group.id, policyId: ecsReadOnly, scopeKind: "projects", projects: [payments!.id] });
    expect((await listInstances(t.db, daveCaller)).map((i) => i.name).sort()).toEqual(["pay-api-01", "pay-batch-01"]);

    await revokeGrant(t.db, alice, { grantId: (await getGroup(t.db, alice, group.id)).grants[0]!.id });
    await expect(listInstances(t.db, daveCaller)).rejects.toBeInstanceOf(AccessDeniedError);
    await deleteGroup(t.db, alice, { groupId: group.id });
  });

  test.each([
    ["name", { name: "" }, /required/],
    ["name", { name: "x".repeat(65) }, /at most 64/],
    ["name", { name: "<script>" }, /only letters/],
  ])("bad group %s is rejected", async (field, input, message) => {
    await expectFieldError(field, () => createGroup(t.db, alice, input), message);
  });

  test("a scope must name known regions or the account's own projects", async () => {
    const group = await createGroup(t.db, alice, { name: "scoped" });
    await expectFieldError("regions", () => grantPolicyToGroup(t.db, alice, { groupId: group.id, policyId: ecsReadOnly, scopeKind: "regions", regions: [] }));
    await expectFieldError("regions", () =>
      grantPolicyToGroup(t.db, alice, { groupId: group.id, policyId: ecsReadOnly, scopeKind: "regions", regions: ["mars-1"] }),
    );
    const globex = await callerFor(t.db, "globex");
    const [foreignProject] = await t.db.select().from(enterpriseProjects).where(eq(enterpriseProjects.accountId, globex.accountId));
    await expectFieldError("projects", () =>
      grantPolicyToGroup(t.db, alice, { groupId: group.id, policyId: ecsReadOnly, scopeKind: "projects", projects: [foreignProject!.id] }),
    );
    await expectFieldError("scopeKind", () => grantPolicyToGroup(t.db, alice, { groupId: group.id, policyId: ecsReadOnly, scopeKind: "everywhere" }));
  });
});

describe("custom policies", () => {
  const document = '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["obs:*:*"]}]}';

  test("create, read, edit and delete a custom policy", async () => {
    const created = await createPolicy(t.db, alice, { name: "obs-admin", description: "OBS", document });
    expect((await getPolicy(t.db, alice, created.id)).document).toEqual(JSON.parse(document));
    await updatePolicy(t.db, alice, { policyId: created.id, name: "obs-admin-2", document: document.replace("obs:*:*", "obs:buckets:*") });
    const updated = await getPolicy(t.db, alice, created.id);
    expect(updated.name).toBe("obs-admin-2");
    expect(updated.document).toMatchObject({ Statement: [{ Action: ["obs:buckets:*"] }] });
    await deletePolicy(t.db, alice, { policyId: created.id });
    await expect(getPolicy(t.db, alice, created.id)).rejects.toMatchObject({ code: "policy.not_found" });
  });

  test("malformed JSON is reported at the document field with its position", async () => {
    await expectFieldError("document", () => createPolicy(t.db, alice, { name: "broken", document: '{"Version": "1.1",\n "Statement": [}' }), /line 2, column/);
    await expectFieldError(
      "document",
      () => createPolicy(t.db, alice, { name: "broken", document: '{"Version":"1.1","Statement":[{"Effect":"Permit","Action":["*"]}]}' }),
      /Statement\[0\]\.Effect/,
    );
  });

  test("names are unique and may not shadow system policies", async () => {
    await expectFieldError("name", () => createPolicy(t.db, alice, { name: "Tenant Administrator", document }), /system policy/);
    const first = await createPolicy(t.db, alice, { name: "dup", document });
    await expectFieldError("name", () => createPolicy(t.db, alice, { name: "dup", document }), /already exists/);
    await deletePolicy(t.db, alice, { policyId: first.id });
  });

  test("system policies cannot be edited or deleted, and a policy in use cannot be deleted", async () => {
    await expect(updatePolicy(t.db, alice, { policyId: ecsReadOnly, name: "x", document })).rejects.toMatchObject({ code: "policy.system_readonly" });
    await expect(deletePolicy(t.db, alice, { policyId: ecsReadOnly })).rejects.toMatchObject({ code: "policy.system_readonly" });
    const policy = await createPolicy(t.db, alice, { name: "in-use", document });
    const group = await createGroup(t.db, alice, { name: "uses-policy" });
    await grantPolicyToGroup(t.db, alice, { groupId: group.id, policyId: policy.id, scopeKind: "all" });
    await expect(deletePolicy(t.db, alice, { policyId: policy.id })).rejects.toMatchObject({ code: "policy.in_use" });
  });
});

test("a group grant in a scope where the policy can do nothing is refused at the scope", async () => {
  const acme = await callerFor(t.db, "acme");
  const group = await createGroup(t.db, acme, { name: "scoped-readers" });
  const id = async (name: string) => (await t.db.select().from(policies).where(eq(policies.name, name)))[0]!.id;
  const iam = await id("IAM ReadOnlyAccess");
  const ecs = await id("ECS ReadOnlyAccess");
  await expectFieldError(
    "scopeKind",
    () => grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: iam, scopeKind: "regions", regions: ["cn-north-4"] }),
    /global services only/,
  );
  await expectFieldError(
    "scopeKind",
    () => grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: ecs, scopeKind: "global" }),
    /project-level services/,
  );
  await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: iam, scopeKind: "global" });
  await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: ecs, scopeKind: "regions", regions: ["cn-north-4"] });
  expect((await getGroup(t.db, acme, group.id)).grants.map((g) => g.scopeKind).sort()).toEqual(["global", "regions"]);
});
