/**
 * Found by an attack on the console: once the engine answered g:UserName per user, the hand-on
 * check still counted a conditional Allow as held for anyone under the same condition text. A
 * user the engine denies ECS could grant a g:UserName-conditioned ECS policy and mint a user
 * whose name satisfies it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { policies } from "@/db/schema";
import { authorize } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError } from "@/lib/errors";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { auditCount, tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let root: Caller;
beforeAll(async () => {
  t = await testDatabase();
  root = await callerFor(t.db, "acme");
});
afterAll(() => t.dispose());

const all = { scopeKind: "all" };
const password = { password: "Str0ng-pass", confirmPassword: "Str0ng-pass" };
const doc = (statement: object) => JSON.stringify({ Version: "1.1", Statement: [statement] });

test("an Allow conditioned on g:UserName is not handed on by a user for whom it does not hold", async () => {
  const svcEcs = await createPolicy(t.db, root, {
    name: "SvcEcs",
    document: doc({ Effect: "Allow", Action: ["ecs:*:*"], Condition: { StringLike: { "g:UserName": ["svc-*"] } } }),
  });
  const helpdeskIam = await createPolicy(t.db, root, {
    name: "HelpdeskIam",
    document: doc({
      Effect: "Allow",
      Action: ["iam:users:create", "iam:groups:addUser", "iam:groups:get", "iam:permissions:grantRoleToGroup", "iam:groups:create"],
    }),
  });
  const helpdesk = await createGroup(t.db, root, { name: "helpdesk" });
  await grantPolicyToGroup(t.db, root, { groupId: helpdesk.id, policyId: svcEcs.id, ...all });
  await grantPolicyToGroup(t.db, root, { groupId: helpdesk.id, policyId: helpdeskIam.id, ...all });
  const hdUser = await createUser(t.db, root, { name: "hd", ...password });
  await addUserToGroup(t.db, root, { userId: hdUser.id, groupId: helpdesk.id });
  const hd = await callerFor(t.db, "acme", "hd");
  const ecs = { action: "ecs:instances:create", resource: urn("ecs", "eu-west-0", hd.accountId, "instance", "x"), region: "eu-west-0" };
  expect((await authorize(t.db, hd, ecs)).allowed).toBe(false);

  const puppets = await createGroup(t.db, hd, { name: "puppets" });
  const before = [await tableCounts(t.db), await auditCount(t.db)] as const;
  const error = await rejection(() => grantPolicyToGroup(t.db, hd, { groupId: puppets.id, policyId: svcEcs.id, ...all }));
  expect(error).toBeInstanceOf(AccessDeniedError);
  expect(error.message).toMatch(/ecs:/);
  expect(await tableCounts(t.db)).toEqual(before[0]);
  expect(await auditCount(t.db)).toBe(before[1] + 1);
});

test("a holder for whom the condition holds (svc-ops) holds it, and may hand it on", async () => {
  const id = async (name: string) => (await t.db.select().from(policies).where(eq(policies.name, name)))[0]!.id;
  const svcOps = await createUser(t.db, root, { name: "svc-ops", ...password });
  const admins = await createGroup(t.db, root, { name: "svc-admins" });
  await grantPolicyToGroup(t.db, root, { groupId: admins.id, policyId: await id("SvcEcs"), ...all });
  await grantPolicyToGroup(t.db, root, { groupId: admins.id, policyId: await id("HelpdeskIam"), ...all });
  await addUserToGroup(t.db, root, { userId: svcOps.id, groupId: admins.id });
  const caller = await callerFor(t.db, "acme", "svc-ops");
  const others = await createGroup(t.db, caller, { name: "others" });
  await grantPolicyToGroup(t.db, caller, { groupId: others.id, policyId: await id("SvcEcs"), ...all });
});
