/**
 * The hand-on rule under concurrency: two changes that each pass on their own must not combine
 * into an escalation because they ran at the same time (PGlite runs one transaction at a time;
 * the interesting run is on PostgreSQL, with a pool).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { groupGrants, policies } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createPolicy, updatePolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";

const ROUNDS = 15;
const allow = (...actions: string[]) => JSON.stringify({ Version: "1.1", Statement: [{ Effect: "Allow", Action: actions }] });

let t: TestDatabase;
let acme: Caller;
beforeAll(async () => {
  t = await testDatabase({ poolSize: 8 });
  acme = await callerFor(t.db, "acme");
});
afterAll(() => t.dispose());

/** A user of acme holding exactly `actions` (plus ECS read-only, so that there is something to hand on). */
async function holder(name: string, actions: string[]): Promise<Caller> {
  const user = await createUser(t.db, acme, { name, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
  const group = await createGroup(t.db, acme, { name: `g-${name}` });
  const policy = await createPolicy(t.db, acme, { name: `p-${name}`, document: allow(...actions, "ecs:*:list*") });
  await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: policy.id, scopeKind: "all" });
  await addUserToGroup(t.db, acme, { userId: user.id, groupId: group.id });
  return callerFor(t.db, "acme", name);
}

const settle = (promises: Promise<unknown>[]) => Promise.allSettled(promises);

// In either serial order one of the two is refused (attaching the wide version, or widening an
// attached policy); run together, both used to pass.
test("widening a policy while it is being attached never leaves the wide version attached by someone who does not hold it", async () => {
  const editor = await holder("race-editor", ["iam:policies:update"]);
  const granter = await holder("race-granter", ["iam:permissions:grantRoleToGroup"]);
  for (let round = 0; round < ROUNDS; round++) {
    const policy = await createPolicy(t.db, acme, { name: `narrow-${round}`, document: allow("ecs:instances:list") });
    const group = await createGroup(t.db, acme, { name: `target-${round}` });
    await settle([
      updatePolicy(t.db, editor, { policyId: policy.id, name: `narrow-${round}`, document: allow("*") }),
      grantPolicyToGroup(t.db, granter, { groupId: group.id, policyId: policy.id, scopeKind: "all" }),
    ]);
    const [document] = await t.db.select({ d: policies.document }).from(policies).where(eq(policies.id, policy.id));
    const attached = await t.db
      .select()
      .from(groupGrants)
      .where(and(eq(groupGrants.groupId, group.id), eq(groupGrants.policyId, policy.id)));
    const wide = JSON.stringify(document!.d).includes('"*"');
    expect({ round, wideAndAttached: wide && attached.length > 0 }).toEqual({ round, wideAndAttached: false });
  }
});
