/**
 * A web request's caller loads its grants once (app/_lib/session.ts gives it a memo); a change it
 * makes forgets them, and a caller derived from it never inherits them.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { groups } from "@/db/schema";
import { endOtherSignIns } from "@/lib/auth/sign-in-management";
import { authorize } from "@/lib/authz/authorize";
import { type Caller, ownAccountCaller } from "@/lib/caller";
import { addUserToGroup } from "@/lib/iam/groups";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let acme: Caller;
let bob: Caller;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  bob = await callerFor(t.db, "acme", "bob");
});
afterAll(() => t.dispose());

const listUsers = (caller: Caller) => ({ action: "iam:users:list", resource: `iam::${caller.accountId}:user:*` });
const allowed = async (caller: Caller) => (await authorize(t.db, caller, listUsers(caller))).allowed;

test("within a request the grants are read once; the request's own change forgets them", async () => {
  const request: Caller = { ...bob, requestMemo: {} };
  expect(await allowed(request)).toBe(false);
  const [admins] = await t.db
    .select()
    .from(groups)
    .where(and(eq(groups.accountId, acme.accountId), eq(groups.name, "admins")));
  await addUserToGroup(t.db, acme, { userId: bob.userId!, groupId: admins!.id });
  // Another request (no memo) sees the new membership; this one still decides on what it loaded.
  expect(await allowed(bob)).toBe(true);
  expect(await allowed(request)).toBe(false);
  await endOtherSignIns(t.db, request, {}, "this-sign-in");
  expect(await allowed(request)).toBe(true);
});

test("a caller derived from a request's caller starts without its memo", () => {
  const switched: Caller = { ...bob, agency: { id: "a", name: "x", roleSessionId: "r", expiresAt: null }, requestMemo: { grants: Promise.resolve([]) } };
  expect(ownAccountCaller(switched).requestMemo).toBeUndefined();
});
