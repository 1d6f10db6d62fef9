import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { accounts, policies } from "@/db/schema";
import { createAgency } from "@/lib/agencies/agencies";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { createGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { assumeRole } from "@/lib/roles/role-sessions";
import { isUniqueViolation } from "@/lib/validation";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let acme: Caller;
beforeAll(async () => {
  t = await testDatabase({ poolSize: 6 });
  acme = await callerFor(t.db, "acme");
});
afterAll(() => t.dispose());

const document = '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:instances:list"]}]}';
const policyId = async (name: string) => (await t.db.select().from(policies).where(eq(policies.name, name)))[0]!.id;
const agency = async (name: string) =>
  createAgency(t.db, acme, {
    name,
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [await policyId("ECS ReadOnlyAccess")],
    scopeKind: "all",
  });

test.each([
  ["user Alice beside alice", () => createUser(t.db, acme, { name: "Alice", password: "Str0ng-pass", confirmPassword: "Str0ng-pass" }), "user.name_taken"],
  ["group ADMINS beside admins", () => createGroup(t.db, acme, { name: "ADMINS" }), "group.name_taken"],
  ["agency Globex-Ops beside globex-ops", () => agency("Globex-Ops"), "agency.name_taken"],
  [
    "custom policy named like a system policy in other letters",
    () => createPolicy(t.db, acme, { name: "security administrator", document }),
    "policy.name_taken",
  ],
])("%s is refused with the usual message", async (_label, create, code) => {
  const error = await rejection<DomainError>(create);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code, field: "name" });
});

test("two custom policies differing only by case cannot both exist", async () => {
  await createPolicy(t.db, acme, { name: "Ops-Reader", document });
  expect(await rejection<DomainError>(() => createPolicy(t.db, acme, { name: "OPS-READER", document }))).toMatchObject({ code: "policy.name_taken" });
});

test.each([
  ["groups", (name: string) => createGroup(t.db, acme, { name }), "group.name_taken"],
  ["users", (name: string) => createUser(t.db, acme, { name, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" }), "user.name_taken"],
  ["agencies", (name: string) => agency(name), "agency.name_taken"],
  ["policies", (name: string) => createPolicy(t.db, acme, { name, document }), "policy.name_taken"],
])("parallel creates of RACE-CASE and race-case: one %s row, one refusal", async (_label, create, code) => {
  const results = await Promise.allSettled([create("RACE-CASE"), create("race-case")]);
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  expect(refused.reason).toMatchObject({ code });
});

test("the database refuses an account name that differs only by case", async () => {
  const error = await rejection(() => t.db.insert(accounts).values({ name: "ACME", passwordHash: "x" }));
  expect(isUniqueViolation(error)).toBe(true);
});

test("Switch Role finds the delegating account whatever the letter case", async () => {
  const gina = await callerFor(t.db, "globex", "gina");
  const { caller } = await assumeRole(t.db, gina, { accountName: "ACME", agencyName: "globex-ops" }, "login-case");
  expect(caller.accountName).toBe("acme");
});

test("typing the account in other letters does not get around a Deny written for its real name", async () => {
  const globex = await callerFor(t.db, "globex");
  const { createPolicy: create } = await import("@/lib/iam/policies");
  const { addUserToGroup, grantPolicyToGroup } = await import("@/lib/iam/groups");
  const { suggestAgencies } = await import("@/lib/roles/role-sessions");
  const policy = await create(t.db, globex, {
    name: "assume-but-not-acme",
    document: JSON.stringify({
      Version: "1.1",
      Statement: [
        { Effect: "Allow", Action: ["iam:agencies:assume"], Resource: ["*"] },
        { Effect: "Deny", Action: ["iam:agencies:assume"], Resource: ["iam:*:*:agency:acme/*"] },
      ],
    }),
  });
  const group = await createGroup(t.db, globex, { name: "not-acme" });
  await grantPolicyToGroup(t.db, globex, { groupId: group.id, policyId: policy.id, scopeKind: "global" });
  const gus = await callerFor(t.db, "globex", "gus");
  await addUserToGroup(t.db, globex, { userId: gus.userId, groupId: group.id });
  for (const accountName of ["acme", "ACME", "Acme"]) {
    await expect(assumeRole(t.db, gus, { accountName, agencyName: "globex-ops" }, "login-gus")).rejects.toThrow();
    expect(await suggestAgencies(t.db, gus, accountName)).toEqual([]);
  }
});
