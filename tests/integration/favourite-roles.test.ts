import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { auditEvents, favouriteRoles, groupMembers, groups } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import type { DomainError, ValidationError } from "@/lib/errors";
import { currentFavourite, favouriteRolesOf, pinRole, unpinRole } from "@/lib/roles/favourites";
import { assumeRole } from "@/lib/roles/role-sessions";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";
import { tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let gina: Caller;
let globex: Caller;
const ops = { accountName: "acme", agencyName: "globex-ops" };

beforeAll(async () => {
  t = await testDatabase();
  gina = await callerFor(t.db, "globex", "gina");
  globex = await callerFor(t.db, "globex");
  await assumeRole(t.db, gina, ops, "login-fav");
});
afterAll(() => t.dispose());

test("a recent role is pinned with a display name and a colour, and pinning again renames it (one row)", async () => {
  await pinRole(t.db, gina, { ...ops, displayName: "Acme production", colour: "red" });
  expect(await favouriteRolesOf(t.db, gina)).toEqual([{ ...ops, displayName: "Acme production", colour: "red", allowed: true }]);
  await pinRole(t.db, gina, { ...ops, displayName: "Acme prod", colour: "green" });
  expect(await favouriteRolesOf(t.db, gina)).toEqual([{ ...ops, displayName: "Acme prod", colour: "green", allowed: true }]);
  const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "iam:favouriteRoles:pin")).limit(1);
  expect(event).toMatchObject({ actor: "globex/gina", accountId: gina.accountId, target: "favourite role globex-ops@acme" });
});

test("only a role the principal has switched to can be pinned; nothing is written otherwise", async () => {
  const tables = await tableCounts(t.db);
  const error = await rejection<DomainError>(() => pinRole(t.db, globex, { ...ops, displayName: "Not mine", colour: "blue" }));
  expect(english(error.message)).toBe("Only a role you have switched to can be pinned; switch to it first.");
  const other = await rejection<DomainError>(() => pinRole(t.db, gina, { accountName: "acme", agencyName: "old-audit", displayName: "x", colour: "blue" }));
  expect(other.code).toBe("role.favourite_not_recent");
  expect(await tableCounts(t.db)).toEqual(tables);
});

test("bad names and colours are refused at their fields", async () => {
  const tables = await tableCounts(t.db);
  const cases: [Record<string, string>, string, string][] = [
    [{ displayName: "", colour: "red" }, "displayName", "Display name is required."],
    [{ displayName: "x".repeat(65), colour: "red" }, "displayName", "Display name must be at most 64 characters."],
    [{ displayName: "a\u0000b", colour: "red" }, "displayName", "Display name must not contain control characters."],
    [{ displayName: "ok", colour: "purple" }, "colour", "Select a colour."],
  ];
  for (const [fields, field, message] of cases) {
    const error = await rejection<ValidationError>(() => pinRole(t.db, gina, { ...ops, ...fields }));
    expect(error.fieldErrors[field]?.map(english)).toEqual([message]);
  }
  expect(await tableCounts(t.db)).toEqual(tables);
});

test("favourites are the principal's own: another principal of the account neither sees nor unpins them", async () => {
  expect(await favouriteRolesOf(t.db, globex)).toEqual([]);
  const error = await rejection<DomainError>(() => unpinRole(t.db, globex, ops));
  expect(error.code).toBe("role.favourite_not_found");
  expect(await favouriteRolesOf(t.db, gina)).toHaveLength(1);
});

test("a favourite the principal may no longer switch to stays, marked not allowed, until unpinned", async () => {
  const [operators] = await t.db.select().from(groups).where(eq(groups.name, "operators"));
  const removed = await t.db.delete(groupMembers).where(eq(groupMembers.userId, gina.userId!)).returning();
  try {
    expect(await favouriteRolesOf(t.db, gina)).toEqual([expect.objectContaining({ ...ops, allowed: false })]);
  } finally {
    await t.db.insert(groupMembers).values(removed.map((m) => ({ ...m, groupId: operators!.id })));
  }
  expect((await favouriteRolesOf(t.db, gina))[0]!.allowed).toBe(true);
});

test("the top bar knows the favourite of the role switched into", async () => {
  const { caller } = await assumeRole(t.db, gina, ops, "login-fav-2");
  expect(await currentFavourite(t.db, caller)).toMatchObject({ displayName: "Acme prod", colour: "green" });
  expect(await currentFavourite(t.db, gina)).toBeNull();
});

test("concurrent pins of one role leave one favourite", async () => {
  await Promise.all(["one", "two", "three"].map((displayName) => pinRole(t.db, gina, { ...ops, displayName, colour: "blue" })));
  expect(await t.db.select().from(favouriteRoles).where(eq(favouriteRoles.principalUserId, gina.userId!))).toHaveLength(1);
});

test("unpinning removes it and says which", async () => {
  expect(await unpinRole(t.db, gina, ops)).toMatchObject({ displayName: expect.any(String) });
  expect(await favouriteRolesOf(t.db, gina)).toEqual([]);
});

test("a role whose agency is gone is refused for pinning, and an existing favourite of it is listed as not available", async () => {
  const { createAgency, deleteAgency } = await import("@/lib/agencies/agencies");
  const { policies } = await import("@/db/schema");
  const acme = await callerFor(t.db, "acme");
  const [ecs] = await t.db.select().from(policies).where(eq(policies.name, "ECS FullAccess"));
  const doomed = await createAgency(t.db, acme, {
    name: "fav-doomed",
    type: "account",
    delegatedAccount: "globex",
    validityKind: "unlimited",
    policyIds: [ecs!.id],
    scopeKind: "all",
  });
  const role = { accountName: "acme", agencyName: "fav-doomed" };
  await assumeRole(t.db, gina, role, "login-doomed");
  await pinRole(t.db, gina, { ...role, displayName: "Doomed", colour: "orange" });
  expect((await favouriteRolesOf(t.db, gina)).find((f) => f.agencyName === "fav-doomed")!.allowed).toBe(true);
  await deleteAgency(t.db, acme, { agencyId: doomed.id });
  expect((await favouriteRolesOf(t.db, gina)).find((f) => f.agencyName === "fav-doomed")!.allowed).toBe(false);
  const error = await rejection<DomainError>(() => pinRole(t.db, gina, { ...role, displayName: "Again", colour: "orange" }));
  expect(error.code).toBe("role.unavailable");
});

test("a display name with invisible or direction-changing characters is refused at its field", async () => {
  for (const displayName of ["\u200b", "sppa\u202e", "a\u200db"]) {
    const error = await rejection<ValidationError>(() => pinRole(t.db, gina, { ...ops, displayName, colour: "red" }));
    expect(error.fieldErrors.displayName?.map(english)).toEqual(["Display name must not contain invisible or direction-changing characters."]);
  }
});
