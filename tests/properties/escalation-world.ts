/**
 * Generated small worlds for the escalation property: a non-root principal `p` of acme with some
 * IAM power, a few custom policies, groups and grants around it, and a random sequence of the
 * changes that principal may try. `checkSequence` plays the sequence and reports the first step
 * after which `p` could do something it could not do at the start. Shared by the test (a few runs)
 * and the benchmark (many).
 */
import fc from "fast-check";
import type { Db } from "@/db/client";
import { eq, isNull } from "drizzle-orm";
import { enterpriseProjects, groupGrants, policies } from "@/db/schema";
import { createAgency } from "@/lib/agencies/agencies";
import { grantsFor } from "@/lib/authz/authorize";
import { actionCatalogue } from "@/lib/authz/action-catalogue";
import { evaluate } from "@/lib/authz/engine";
import { universeOf } from "@/lib/authz/escalation";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { addUserToGroup, createGroup, deleteGroup, grantPolicyToGroup, removeUserFromGroup, revokeGrant } from "@/lib/iam/groups";
import { createPolicy, updatePolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";

const iamPowers = [
  "iam:permissions:grantRoleToGroup",
  "iam:permissions:revokeRoleFromGroup",
  "iam:groups:addUser",
  "iam:groups:removeUser",
  "iam:groups:delete",
  "iam:policies:update",
  "iam:agencies:*",
];
const patterns = [
  ...iamPowers,
  "iam:*",
  "iam:*:list*",
  "ecs:*:*",
  "ecs:instances:list",
  "ecs:instances:delete",
  "ecs:*:start",
  "obs:*:*",
  "obs:buckets:list",
  "*",
];
const systemNames = ["Tenant Administrator", "Security Administrator", "ECS FullAccess", "ECS ReadOnlyAccess", "OBS ReadOnlyAccess", "Agent Operator"];

const statement = fc.record({
  Effect: fc.constantFrom("Allow", "Allow", "Deny"),
  Action: fc.uniqueArray(fc.constantFrom(...patterns), { minLength: 1, maxLength: 3 }),
});
const documentArb = fc.array(statement, { minLength: 1, maxLength: 3 }).map((Statement) => ({ Version: "1.1" as const, Statement }));
type ScopeSpec = { scopeKind: string; regions?: string[]; projects?: string[] };
const scopeArb: fc.Arbitrary<ScopeSpec> = fc.oneof(
  fc.constant({ scopeKind: "all" }),
  fc.constant({ scopeKind: "global" }),
  fc.constantFrom("cn-north-4", "eu-west-0").map((r) => ({ scopeKind: "regions", regions: [r] })),
  fc.constant({ scopeKind: "projects", projects: ["default"] as string[] }),
);
/** A policy by index: custom ones first, then the system catalogue. */
const policyRef = fc.nat(20);
const groupRef = fc.nat(10);

export const worldArb = fc.record({
  policies: fc.array(documentArb, { minLength: 1, maxLength: 4 }),
  /** Per group: which policies it is granted, in which scope. */
  groups: fc.array(fc.array(fc.record({ policy: policyRef, scope: scopeArb }), { maxLength: 3 }), { minLength: 2, maxLength: 4 }),
  /** The IAM powers `p` starts with (through a group of its own), and the other groups it is in. */
  powers: fc.uniqueArray(fc.constantFrom(...iamPowers), { minLength: 1, maxLength: 4 }),
  memberOf: fc.uniqueArray(groupRef, { maxLength: 2 }),
});

export const stepArb = fc.oneof(
  fc.record({ kind: fc.constant("grant" as const), policy: policyRef, group: groupRef, scope: scopeArb }),
  fc.record({ kind: fc.constant("revoke" as const), group: groupRef, index: fc.nat(3) }),
  fc.record({ kind: fc.constant("addUser" as const), self: fc.boolean(), group: groupRef }),
  fc.record({ kind: fc.constant("removeUser" as const), self: fc.boolean(), group: groupRef }),
  fc.record({ kind: fc.constant("deleteGroup" as const), group: groupRef }),
  fc.record({ kind: fc.constant("updatePolicy" as const), policy: policyRef, document: documentArb }),
  fc.record({ kind: fc.constant("lend" as const), policy: policyRef, scope: scopeArb }),
);

export type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;
export type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  p: Caller;
  other: string;
  policyIds: string[];
  groupIds: string[];
  projects: Map<string, string>;
}

const scopeInput = (scope: { scopeKind: string; regions?: string[]; projects?: string[] }, projects: Map<string, string>) => ({
  ...scope,
  projects: (scope.projects ?? []).map((name) => projects.get(name)!),
});

async function build(db: Db, acme: Caller, world: World, run: number): Promise<Built> {
  const universe = await universeOf(db, acme.accountId);
  const projectRows = await db.select().from(enterpriseProjects);
  const projects = new Map(projectRows.filter((r) => universe.projects.includes(r.id)).map((r) => [r.name, r.id]));
  const system = await db.select({ id: policies.id, name: policies.name }).from(policies).where(isNull(policies.accountId));
  const policyIds = [
    ...(await Promise.all(
      world.policies.map(async (document, i) => (await createPolicy(db, acme, { name: `w${run}-policy-${i}`, document: JSON.stringify(document) })).id),
    )),
    ...systemNames.map((name) => system.find((s) => s.name === name)!.id),
  ];
  const groupIds: string[] = [];
  for (const [i, grants] of world.groups.entries()) {
    const group = await createGroup(db, acme, { name: `w${run}-group-${i}` });
    groupIds.push(group.id);
    for (const grant of grants) {
      await ignoreRefusal(
        grantPolicyToGroup(db, acme, { groupId: group.id, policyId: policyIds[grant.policy % policyIds.length]!, ...scopeInput(grant.scope, projects) }),
      );
    }
  }
  const p = await createUser(db, acme, { name: `w${run}p`, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
  const other = await createUser(db, acme, { name: `w${run}q`, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
  const powers = await createPolicy(db, acme, {
    name: `w${run}-powers`,
    document: JSON.stringify({ Version: "1.1", Statement: [{ Effect: "Allow", Action: world.powers }] }),
  });
  const own = await createGroup(db, acme, { name: `w${run}-own` });
  await grantPolicyToGroup(db, acme, { groupId: own.id, policyId: powers.id, scopeKind: "all" });
  await addUserToGroup(db, acme, { userId: p.id, groupId: own.id });
  for (const g of world.memberOf) await ignoreRefusal(addUserToGroup(db, acme, { userId: p.id, groupId: groupIds[g % groupIds.length]! }));
  groupIds.push(own.id);
  const caller: Caller = { ...acme, userId: p.id, userName: p.name };
  return { p: caller, other: other.id, policyIds, groupIds, projects };
}

/** Refusals and rule violations are expected outcomes of a step; anything else is a bug. */
async function ignoreRefusal(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

/** Every (action, cell) the principal may do, as a set of strings. */
async function power(db: Db, caller: Caller, cells: { region: string | null; project: string | null }[]): Promise<Set<string>> {
  const grants = await grantsFor(db, caller);
  const out = new Set<string>();
  for (const action of actionCatalogue) {
    for (const cell of cells) {
      const request = { action, resource: "ecs:cn-north-4:acc:instance:x", region: cell.region, enterpriseProjectId: cell.project };
      if (evaluate(grants, request).allowed) out.add(`${action}@${cell.region}/${cell.project}`);
    }
  }
  return out;
}

async function play(db: Db, built: Built, step: Step, run: number, index: number): Promise<void> {
  const { p } = built;
  const group = (i: number) => built.groupIds[i % built.groupIds.length]!;
  const policy = (i: number) => built.policyIds[i % built.policyIds.length]!;
  switch (step.kind) {
    case "grant":
      return ignoreRefusal(grantPolicyToGroup(db, p, { groupId: group(step.group), policyId: policy(step.policy), ...scopeInput(step.scope, built.projects) }));
    case "revoke": {
      const grants = await db
        .select({ id: groupGrants.id })
        .from(groupGrants)
        .where(eq(groupGrants.groupId, group(step.group)))
        .orderBy(groupGrants.id);
      const grant = grants[step.index % Math.max(1, grants.length)];
      return grant === undefined ? undefined : ignoreRefusal(revokeGrant(db, p, { grantId: grant.id }));
    }
    case "addUser":
      return ignoreRefusal(addUserToGroup(db, p, { userId: step.self ? p.userId! : built.other, groupId: group(step.group) }));
    case "removeUser":
      return ignoreRefusal(removeUserFromGroup(db, p, { userId: step.self ? p.userId! : built.other, groupId: group(step.group) }));
    case "deleteGroup":
      return ignoreRefusal(deleteGroup(db, p, { groupId: group(step.group) }));
    case "updatePolicy":
      return ignoreRefusal(updatePolicy(db, p, { policyId: policy(step.policy), name: `w${run}-edited-${index}`, document: JSON.stringify(step.document) }));
    case "lend":
      return ignoreRefusal(
        createAgency(db, p, {
          name: `w${run}-agency-${index}`,
          type: "account",
          delegatedAccount: "umbrella",
          validityKind: "one_day",
          policyIds: [policy(step.policy)],
          ...scopeInput(step.scope, built.projects),
        }),
      );
  }
}

export interface Violation {
  step: number;
  gained: string[];
}

/** Builds the world, plays the steps as `p`, and returns the first step that grew p's power. */
export async function checkSequence(db: Db, acme: Caller, world: World, steps: Step[], run: number): Promise<Violation | null> {
  const built = await build(db, acme, world, run);
  const universe = await universeOf(db, acme.accountId);
  const cells = [{ region: null, project: null }, ...universe.regions.flatMap((region) => universe.projects.map((project) => ({ region, project })))];
  const start = await power(db, built.p, cells);
  for (const [index, step] of steps.entries()) {
    await play(db, built, step, run, index);
    const now = await power(db, built.p, cells);
    const gained = [...now].filter((x) => !start.has(x));
    if (gained.length > 0) return { step: index, gained: gained.slice(0, 5) };
  }
  return null;
}
