import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ecsInstances, groupGrants, groups, obsBuckets, users } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { addUserToGroup, deleteGroup, getGroup, grantPolicyToGroup, listGroups, removeUserFromGroup, revokeGrant } from "@/lib/iam/groups";
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicy } from "@/lib/iam/policies";
import { deleteUser, listUsers } from "@/lib/iam/users";
import { deleteInstance, listInstances, stopInstance } from "@/lib/resources/ecs";
import { deleteBucket, listBuckets } from "@/lib/resources/obs";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acmeRoot: Caller;
let acme: { userId: string; groupId: string; grantId: string; policyId: string; instanceId: string; bucketId: string };

beforeAll(async () => {
  t = await testDatabase();
  acmeRoot = await callerFor(t.db, "acme");
  const policy = await createPolicy(t.db, acmeRoot, {
    name: "acme-secret-policy",
    document: '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:*:*"]}]}',
  });
  const [user] = await t.db
    .select()
    .from(users)
    .where(and(eq(users.accountId, acmeRoot.accountId), eq(users.name, "alice")));
  const [group] = await t.db
    .select()
    .from(groups)
    .where(and(eq(groups.accountId, acmeRoot.accountId), eq(groups.name, "admins")));
  const [grant] = await t.db.select().from(groupGrants).where(eq(groupGrants.groupId, group!.id));
  const [instance] = await t.db.select().from(ecsInstances).where(eq(ecsInstances.accountId, acmeRoot.accountId));
  const [bucket] = await t.db.select().from(obsBuckets).where(eq(obsBuckets.accountId, acmeRoot.accountId));
  acme = { userId: user!.id, groupId: group!.id, grantId: grant!.id, policyId: policy.id, instanceId: instance!.id, bucketId: bucket!.id };
});
afterAll(() => t.dispose());

const strangers = [
  ["globex root", () => callerFor(t.db, "globex")],
  ["globex/gina", () => callerFor(t.db, "globex", "gina")],
  ["initech/ian (Tenant Administrator of another account)", () => callerFor(t.db, "initech", "ian")],
] as const;

describe.each(strangers)("%s", (_label, who) => {
  test("every read and change by acme's ids finds nothing and writes nothing", async () => {
    const caller = await who();
    const before = await tableCounts(t.db);
    const attempts: [string, () => Promise<unknown>][] = [
      ["getGroup", () => getGroup(t.db, caller, acme.groupId)],
      ["getPolicy", () => getPolicy(t.db, caller, acme.policyId)],
      [
        "updatePolicy",
        () =>
          updatePolicy(t.db, caller, { policyId: acme.policyId, name: "pwned", document: '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*"]}]}' }),
      ],
      ["deletePolicy", () => deletePolicy(t.db, caller, { policyId: acme.policyId })],
      ["deleteUser", () => deleteUser(t.db, caller, { userId: acme.userId })],
      ["deleteGroup", () => deleteGroup(t.db, caller, { groupId: acme.groupId })],
      ["addUserToGroup", () => addUserToGroup(t.db, caller, { userId: acme.userId, groupId: acme.groupId })],
      ["removeUserFromGroup", () => removeUserFromGroup(t.db, caller, { userId: acme.userId, groupId: acme.groupId })],
      ["grantPolicyToGroup", () => grantPolicyToGroup(t.db, caller, { groupId: acme.groupId, policyId: acme.policyId, scopeKind: "all" })],
      ["revokeGrant", () => revokeGrant(t.db, caller, { grantId: acme.grantId })],
      ["stopInstance", () => stopInstance(t.db, caller, { instanceId: acme.instanceId })],
      ["deleteInstance", () => deleteInstance(t.db, caller, { instanceId: acme.instanceId })],
      ["deleteBucket", () => deleteBucket(t.db, caller, { bucketId: acme.bucketId })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await rejection(attempt);
      expect(error, name).toBeInstanceOf(DomainError);
      expect((error as DomainError).code, name).toMatch(/not_found$/);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test("a stranger cannot attach acme's custom policy to its own group", async () => {
    const caller = await who();
    const [ownGroup] = await t.db.select().from(groups).where(eq(groups.accountId, caller.accountId));
    expect(ownGroup).toBeDefined();
    const error = await rejection(() => grantPolicyToGroup(t.db, caller, { groupId: ownGroup!.id, policyId: acme.policyId, scopeKind: "all" }));
    expect((error as DomainError).code).toMatch(/policy.not_found|access.denied/);
  });
});

const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const acmeInstances = ["web-01", "web-02", "pay-api-01", "pay-batch-01"];

test("another account's root lists only its own users, groups, policies and resources", async () => {
  const globex = await callerFor(t.db, "globex");
  expect(names(await listUsers(t.db, globex)).sort()).toEqual(["gina", "gus"]);
  expect(names(await listGroups(t.db, globex))).toEqual(["operators"]);
  expect(names(await listPolicies(t.db, globex))).not.toContain("acme-secret-policy");
  expect(names(await listInstances(t.db, globex))).toEqual(["globex-app-01"]);
  expect(names(await listBuckets(t.db, globex))).toEqual(["globex-data"]);
});

test("another account's Tenant Administrator sees only its own resources", async () => {
  const ian = await callerFor(t.db, "initech", "ian");
  expect(names(await listInstances(t.db, ian))).toEqual(["initech-build-01"]);
  expect(names(await listInstances(t.db, ian)).some((n) => acmeInstances.includes(n))).toBe(false);
  expect(await listBuckets(t.db, ian)).toEqual([]);
});
