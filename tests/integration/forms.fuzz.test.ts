/** Arbitrary form input to every create form: the answer is a typed domain error or success, never a crash, and a refusal writes nothing. */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { enterpriseProjects, policies } from "@/db/schema";
import { createAgency } from "@/lib/agencies/agencies";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { createFolder, inviteAccount } from "@/lib/rd/directory";
import { createInstance } from "@/lib/resources/ecs";
import { createBucket } from "@/lib/resources/obs";
import { assumeRole } from "@/lib/roles/role-sessions";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
import { tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;
let gina: Caller;
let known: { policy: string; project: string };

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  gina = await callerFor(t.db, "globex", "gina");
  const [policy] = await t.db.select().from(policies).where(eq(policies.name, "ECS ReadOnlyAccess"));
  const [project] = await t.db.select().from(enterpriseProjects).where(eq(enterpriseProjects.accountId, acme.accountId));
  known = { policy: policy!.id, project: project!.id };
});
afterAll(() => t.dispose());

// Field values that are sometimes valid, sometimes hostile: empty, huge, unicode, SQL and markup, wrong types.
const value = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", " ", "acme", "umbrella", "globex/gina", "'; drop table users; --", "<script>x</script>", "x".repeat(300), "cn-north-4", "all", "regions", "one_day", "custom", "7", "-1", "1e9"),
  fc.constantFrom(() => known.policy, () => known.project).map((f) => f()),
  fc.integer().map(String),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
);
const form = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });

const forms: [string, string[], (input: Record<string, unknown>) => Promise<unknown>][] = [
  ["create user", ["name", "password", "confirmPassword", "description"], (i) => createUser(t.db, acme, i)],
  ["create group", ["name", "description"], (i) => createGroup(t.db, acme, i)],
  ["grant policy", ["groupId", "policyId", "scopeKind", "regions", "projects"], (i) => grantPolicyToGroup(t.db, acme, i)],
  ["create policy", ["name", "description", "document"], (i) => createPolicy(t.db, acme, i)],
  ["create agency", ["name", "type", "delegatedAccount", "service", "validityKind", "validityDays", "description", "policyIds", "scopeKind", "regions", "projects"], (i) => createAgency(t.db, acme, i)],
  ["create instance", ["name", "regionId", "enterpriseProjectId", "flavor"], (i) => createInstance(t.db, acme, i)],
  ["create bucket", ["name", "regionId", "enterpriseProjectId", "storageClass"], (i) => createBucket(t.db, acme, i)],
  ["create folder", ["name", "parentId"], (i) => createFolder(t.db, acme, i)],
  ["invite account", ["accountName"], (i) => inviteAccount(t.db, acme, i)],
  ["switch role", ["accountName", "agencyName"], (i) => assumeRole(t.db, gina, i, "fuzz")],
];

test.each(forms)("%s: never crashes, and a refusal writes nothing", async (_name, keys, submit) => {
  await fc.assert(
    fc.asyncProperty(form(keys), async (input) => {
      const before = await tableCounts(t.db);
      try {
        await submit(input);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(DomainError);
        expect((error as DomainError).message.length).toBeGreaterThan(5);
        expect(await tableCounts(t.db)).toEqual(before);
      }
    }),
    { numRuns: 60 },
  );
});
