import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditEvents, ecsInstances, enterpriseProjects } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, DomainError } from "@/lib/errors";
import { createInstance, deleteInstance, listInstances, startInstance, stopInstance } from "@/lib/resources/ecs";
import { createBucket, deleteBucket, listBuckets } from "@/lib/resources/obs";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { auditCount, tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let alice: Caller;
let bob: Caller;
let projects: { default: string; payments: string };

beforeAll(async () => {
  t = await testDatabase();
  alice = await callerFor(t.db, "acme", "alice");
  bob = await callerFor(t.db, "acme", "bob");
  const rows = await t.db.select().from(enterpriseProjects).where(eq(enterpriseProjects.accountId, alice.accountId));
  projects = { default: rows.find((r) => r.name === "default")!.id, payments: rows.find((r) => r.name === "payments")!.id };
});
afterAll(() => t.dispose());

describe("ECS instances", () => {
  test("alice creates, stops, starts and deletes an instance, each change audited", async () => {
    const created = await createInstance(t.db, alice, { name: "test-01", regionId: "eu-west-0", enterpriseProjectId: projects.default, flavor: "s6.small.1" });
    expect((await listInstances(t.db, alice)).find((i) => i.id === created.id)).toMatchObject({
      status: "running",
      regionId: "eu-west-0",
      projectName: "default",
    });
    await stopInstance(t.db, alice, { instanceId: created.id });
    expect((await listInstances(t.db, alice)).find((i) => i.id === created.id)?.status).toBe("stopped");
    await expect(stopInstance(t.db, alice, { instanceId: created.id })).rejects.toMatchObject({ code: "ecs.already_in_state" });
    await startInstance(t.db, alice, { instanceId: created.id });
    await deleteInstance(t.db, alice, { instanceId: created.id });
    expect((await listInstances(t.db, alice)).some((i) => i.id === created.id)).toBe(false);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.target, "ECS instance test-01"), eq(auditEvents.decision, "allow")))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(["ecs:instances:create", "ecs:instances:stop", "ecs:instances:start", "ecs:instances:delete"]);
    expect(events[0]!.detail).toMatchObject({ resource: `ecs:eu-west-0:${alice.accountId}:instance:test-01`, flavor: "s6.small.1" });
  });

  test("bob sees no instances and is refused when creating one; nothing is written", async () => {
    await expect(listInstances(t.db, bob)).rejects.toBeInstanceOf(AccessDeniedError);
    const before = await tableCounts(t.db);
    const error = await rejection(() =>
      createInstance(t.db, bob, { name: "bobs-box", regionId: "cn-north-4", enterpriseProjectId: projects.default, flavor: "s6.small.1" }),
    );
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error.message).toMatch(/ecs:instances:create/);
    expect(await tableCounts(t.db)).toEqual(before);
    const [denial] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actor, "acme/bob"), eq(auditEvents.action, "ecs:instances:create")));
    expect(denial).toMatchObject({ decision: "deny", target: "ECS instance bobs-box" });
  });

  test.each([
    ["name", { name: "", regionId: "cn-north-4", flavor: "s6.small.1" }],
    ["name", { name: "a b", regionId: "cn-north-4", flavor: "s6.small.1" }],
    ["name", { name: "x".repeat(65), regionId: "cn-north-4", flavor: "s6.small.1" }],
    ["regionId", { name: "ok", regionId: "mars-1", flavor: "s6.small.1" }],
    ["regionId", { name: "ok", regionId: "", flavor: "s6.small.1" }],
    ["flavor", { name: "ok", regionId: "cn-north-4", flavor: "huge" }],
  ])("bad %s is a field error and writes nothing", async (field, input) => {
    const before = await tableCounts(t.db);
    const events = await auditCount(t.db);
    const error = await rejection<DomainError>(() => createInstance(t.db, alice, { enterpriseProjectId: projects.default, ...input }));
    expect(error).toBeInstanceOf(DomainError);
    const fields = "fieldErrors" in error ? Object.keys(error.fieldErrors as object) : [error.field];
    expect(fields).toContain(field);
    expect(await tableCounts(t.db)).toEqual(before);
    expect(await auditCount(t.db)).toBe(events);
  });

  test("an enterprise project of another account is refused", async () => {
    const globex = await callerFor(t.db, "globex");
    const [foreign] = await t.db.select().from(enterpriseProjects).where(eq(enterpriseProjects.accountId, globex.accountId));
    const error = await rejection<DomainError>(() =>
      createInstance(t.db, alice, { name: "x1", regionId: "cn-north-4", enterpriseProjectId: foreign!.id, flavor: "s6.small.1" }),
    );
    expect(error.field).toBe("enterpriseProjectId");
  });

  test("a failed change leaves no event claiming success", async () => {
    const [instance] = await t.db
      .select()
      .from(ecsInstances)
      .where(and(eq(ecsInstances.accountId, alice.accountId), eq(ecsInstances.name, "pay-batch-01")));
    const events = await auditCount(t.db);
    // pay-batch-01 is stopped: the guard allows the stop, then the change fails inside the transaction.
    await expect(stopInstance(t.db, alice, { instanceId: instance!.id })).rejects.toMatchObject({ code: "ecs.already_in_state" });
    expect(await auditCount(t.db)).toBe(events);
  });
});

describe("OBS buckets", () => {
  test("create and delete a bucket; names are unique in the account", async () => {
    const created = await createBucket(t.db, alice, { name: "acme-new", regionId: "cn-north-4", enterpriseProjectId: projects.payments, storageClass: "warm" });
    expect((await listBuckets(t.db, alice)).map((b) => b.name)).toContain("acme-new");
    const dup = await rejection<DomainError>(() =>
      createBucket(t.db, alice, { name: "acme-new", regionId: "cn-north-4", enterpriseProjectId: projects.payments, storageClass: "warm" }),
    );
    expect(dup).toMatchObject({ code: "bucket.name_taken", field: "name" });
    await deleteBucket(t.db, alice, { bucketId: created.id });
    expect((await listBuckets(t.db, alice)).map((b) => b.name)).not.toContain("acme-new");
  });

  test.each(["AB", "Upper-Case", "-leading", "a..b", "192.168.1.1", "x".repeat(64)])("bucket name %s is rejected", async (name) => {
    const error = await rejection<DomainError>(() =>
      createBucket(t.db, alice, { name, regionId: "cn-north-4", enterpriseProjectId: projects.default, storageClass: "standard" }),
    );
    expect(Object.keys((error as unknown as { fieldErrors: object }).fieldErrors)).toEqual(["name"]);
  });

  test("bob is refused listing and creating buckets", async () => {
    await expect(listBuckets(t.db, bob)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(
      createBucket(t.db, bob, { name: "bob-bucket", regionId: "cn-north-4", enterpriseProjectId: projects.default, storageClass: "standard" }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("lists under Deny statements and region conditions", () => {
  // As root of acme: a group for bob with the given policy documents, granted on every scope or on the regions given.
  async function bobWith(name: string, documents: (object | { document: object; regions: string[] })[]) {
    const acme = await callerFor(t.db, "acme");
    const { createPolicy } = await import("@/lib/iam/policies");
    const { addUserToGroup, createGroup, grantPolicyToGroup } = await import("@/lib/iam/groups");
    const group = await createGroup(t.db, acme, { name });
    for (const [i, entry] of documents.entries()) {
      const { document, regions } = "regions" in entry ? entry : { document: entry, regions: [] };
      const policy = await createPolicy(t.db, acme, { name: `${name}-${i}`, document: JSON.stringify(document) });
      const scope = regions.length === 0 ? { scopeKind: "all" } : { scopeKind: "regions", regions };
      await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: policy.id, ...scope });
    }
    await addUserToGroup(t.db, acme, { userId: bob.userId!, groupId: group.id });
    return async () => {
      const { deleteGroup, removeUserFromGroup } = await import("@/lib/iam/groups");
      await removeUserFromGroup(t.db, acme, { userId: bob.userId!, groupId: group.id });
      await deleteGroup(t.db, acme, { groupId: group.id });
    };
  }

  test.each([
    ["granted in that region only", { document: { Version: "1.1", Statement: [{ Effect: "Deny", Action: ["ecs:instances:list"] }] }, regions: ["cn-north-4"] }],
    [
      "with a region condition",
      { Version: "1.1", Statement: [{ Effect: "Deny", Action: ["ecs:instances:list"], Condition: { StringEquals: { "g:RequestedRegion": ["cn-north-4"] } } }] },
    ],
  ])("a Deny for one region (%s) hides that region's instances; the list itself stays open", async (how, deny) => {
    const undo = await bobWith(`deny-${how.split(" ")[0]}`, [{ Version: "1.1", Statement: [{ Effect: "Allow", Action: ["ecs:instances:list"] }] }, deny]);
    const seen = await listInstances(t.db, bob);
    const all = await listInstances(t.db, alice);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((i) => i.regionId !== "cn-north-4")).toBe(true);
    expect(seen.length).toBe(all.filter((i) => i.regionId !== "cn-north-4").length);
    await undo();
  });

  test("an Allow for one region by condition opens the list with that region's instances only", async () => {
    const undo = await bobWith("allow-one-region", [
      {
        Version: "1.1",
        Statement: [{ Effect: "Allow", Action: ["ecs:instances:list"], Condition: { StringEquals: { "g:RequestedRegion": ["cn-north-4"] } } }],
      },
    ]);
    const seen = await listInstances(t.db, bob);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((i) => i.regionId === "cn-north-4")).toBe(true);
    await undo();
  });

  test("a Deny of the action everywhere still refuses the list", async () => {
    const undo = await bobWith("deny-everywhere", [
      { Version: "1.1", Statement: [{ Effect: "Allow", Action: ["ecs:instances:list"] }] },
      { Version: "1.1", Statement: [{ Effect: "Deny", Action: ["ecs:instances:list"] }] },
    ]);
    await expect(listInstances(t.db, bob)).rejects.toBeInstanceOf(AccessDeniedError);
    await undo();
  });
});

test("a condition on g:UserName is answered with the signed-in user's name", async () => {
  const acme = await callerFor(t.db, "acme");
  const { createPolicy } = await import("@/lib/iam/policies");
  const { addUserToGroup, createGroup, grantPolicyToGroup } = await import("@/lib/iam/groups");
  const group = await createGroup(t.db, acme, { name: "only-bob" });
  const document = { Version: "1.1", Statement: [{ Effect: "Allow", Action: ["obs:buckets:list"], Condition: { StringEquals: { "g:UserName": ["bob"] } } }] };
  const policy = await createPolicy(t.db, acme, { name: "only-bob", document: JSON.stringify(document) });
  await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: policy.id, scopeKind: "all" });
  await addUserToGroup(t.db, acme, { userId: bob.userId!, groupId: group.id });
  expect((await listBuckets(t.db, bob)).length).toBeGreaterThan(0);
  // The same grant for another user name answers no.
  const carol = await (await import("@/lib/iam/users")).createUser(t.db, acme, { name: "carol", password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
  await addUserToGroup(t.db, acme, { userId: carol.id, groupId: group.id });
  await expect(listBuckets(t.db, await callerFor(t.db, "acme", "carol"))).rejects.toBeInstanceOf(AccessDeniedError);
});
