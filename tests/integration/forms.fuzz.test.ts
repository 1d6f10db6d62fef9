/** Arbitrary form input to every create form: the answer is a typed domain error or success, never a crash, and a refusal writes nothing. */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { NextRequest } from "next/server";
import { agencies, enterpriseProjects, policies } from "@/db/schema";
import { createAgency, listAgencies } from "@/lib/agencies/agencies";
import type { Caller } from "@/lib/caller";
import { DomainError, ValidationError } from "@/lib/errors";
import { createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import { createUser } from "@/lib/iam/users";
import { createFolder, inviteAccount } from "@/lib/rd/directory";
import { createInstance } from "@/lib/resources/ecs";
import { createBucket } from "@/lib/resources/obs";
import { assumeRole } from "@/lib/roles/role-sessions";
import { state } from "../helpers/action-harness";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { tableCounts } from "../helpers/snapshot";

vi.mock("server-only", () => ({}));
vi.mock("@/db", async () => (await import("../helpers/action-harness")).doubles.db);
vi.mock("@/app/_lib/session", async () => (await import("../helpers/action-harness")).doubles.session);

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

// NUL (which PostgreSQL refuses in text) and other control characters, alone or inside ordinary text.
const controlText = fc
  .tuple(fc.string({ maxLength: 10 }), fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f), fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`);
// Numbers that z.coerce.number would read as 16, 10, 16, 7 or Infinity: only decimal digits are a number.
const notDecimal = fc.constantFrom("0x10", "1e1", "0b10000", " 7", "7 ", "+7", "7.0", "Infinity", "\u0000");

// Field values that are sometimes valid, sometimes hostile: empty, huge, unicode, SQL and markup, wrong types.
const value = fc.oneof(
  controlText,
  notDecimal,
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

const validAgency = () => ({
  name: `fuzz-${Math.random().toString(36).slice(2, 8)}`,
  type: "account",
  delegatedAccount: "globex",
  validityKind: "custom",
  validityDays: "7",
  description: "",
  policyIds: [known.policy],
  scopeKind: "all",
});

test.each([
  ["create user", (d: string) => createUser(t.db, acme, { name: "nul-user", password: "Passw0rd!x", confirmPassword: "Passw0rd!x", description: d })],
  ["create group", (d: string) => createGroup(t.db, acme, { name: "nul-group", description: d })],
  ["create policy", (d: string) => createPolicy(t.db, acme, { name: "nul-policy", description: d, document: '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:*:get"]}]}' })],
  ["create agency", (d: string) => createAgency(t.db, acme, { ...validAgency(), description: d })],
])("%s: a NUL byte or control character in the description is refused at the field", async (_name, submit) => {
  for (const bad of ["a\u0000b", "\u0000", "bell\u0007", "esc\u001b[31m", "del\u007f"]) {
    const before = await tableCounts(t.db);
    const error = await rejection<ValidationError>(() => submit(bad));
    expect(error, String(error)).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.description).toEqual(["Description must not contain control characters."]);
    expect(await tableCounts(t.db)).toEqual(before);
  }
});

test("a description keeps its line breaks and tabs", async () => {
  const agency = await createAgency(t.db, acme, { ...validAgency(), description: "first line\n\tsecond line" });
  const [row] = await t.db.select().from(agencies).where(eq(agencies.id, (agency as { id: string }).id));
  expect(row!.description).toBe("first line\n\tsecond line");
});

test.each(["0x10", "1e1", " 16", "16 ", "+16", "16.0", "0b10000", "Infinity", "1_6"])("validity %j is not a number of days; nothing is written", async (days) => {
  const before = await tableCounts(t.db);
  const error = await rejection<ValidationError>(() => createAgency(t.db, acme, { ...validAgency(), validityDays: days }));
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.fieldErrors.validityDays).toEqual(["Enter a whole number of days from 1 to 365."]);
  expect(await tableCounts(t.db)).toEqual(before);
});

test("a NUL byte in the agency search is a message at the search field, not a database error", async () => {
  const error = await rejection<ValidationError>(() => listAgencies(t.db, acme, { q: "globex\u0000" }));
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.fieldErrors.q).toEqual(["Search must not contain control characters."]);
  expect((await listAgencies(t.db, acme, { q: "globex", page: "0x10" })).page).toBe(1);
});

test("a NUL byte in the role-suggestion query is a 400 with a message, not a 500", async () => {
  state.db = t.db;
  state.identity = { caller: gina, loginId: "fuzz", roleEnded: null, roleNotice: null };
  const { GET } = await import("@/app/api/role/agencies/route");
  const response = await GET(new NextRequest("http://localhost/api/role/agencies?account=acme%00"));
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ agencies: [], error: "Account name must not contain control characters." });
  expect(((await (await GET(new NextRequest("http://localhost/api/role/agencies?account=acme"))).json()) as { agencies: string[] }).agencies).toContain("globex-ops");
});
