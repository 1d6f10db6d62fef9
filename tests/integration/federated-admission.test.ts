import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { groupMembers, groups, type IdentityProvider, identityProviders, users } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { listAuditEvents } from "@/lib/audit-trail";
import { signedInPrincipal } from "@/lib/auth/principal";
import { startSignIn } from "@/lib/auth/sign-ins";
import { admitFederatedUser } from "@/lib/federation/federated-users";
import { assumeRole } from "@/lib/roles/role-sessions";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
import { tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
let acme: Caller;
let provider: IdentityProvider;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  [provider] = (await t.db
    .insert(identityProviders)
    .values({ accountId: acme.accountId, name: "corp", issuer: "https://idp.example", clientId: "mandate", clientSecret: "sealed", rules: [] })
    .returning()) as [IdentityProvider];
});
afterAll(() => t.dispose());

const admit = (subject: string, name: string, groupNames: string[]) =>
  t.db.transaction((tx) => admitFederatedUser(tx, provider, subject, { name, groups: groupNames }));

async function groupsOf(userId: string): Promise<string[]> {
  const rows = await t.db
    .select({ name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(eq(groupMembers.userId, userId));
  return rows.map((r) => r.name).sort();
}

describe("admitting a federated user at sign-in", () => {
  test("the first sign-in creates the user in the rules' groups; the next one renames it and replaces its groups", async () => {
    const first = await admit("sub-ann", "ann@corp.example", ["ADMINS"]);
    if (!first.ok) throw new Error("refused");
    expect(await groupsOf(first.userId)).toEqual(["admins"]);
    const [row] = await t.db.select().from(users).where(eq(users.id, first.userId));
    expect(row).toMatchObject({ name: "ann@corp.example", providerId: provider.id, subject: "sub-ann", passwordHash: "!" });
    expect(row!.lastSignInAt).not.toBeNull();

    const second = await admit("sub-ann", "Ann Example", []);
    expect(second).toEqual({ ok: true, userId: first.userId });
    expect(await groupsOf(first.userId)).toEqual([]);
    expect((await t.db.select().from(users).where(eq(users.id, first.userId)))[0]!.name).toBe("Ann Example");
  });

  test("a group the rules name that no longer exists refuses the person and writes nothing", async () => {
    const before = await tableCounts(t.db);
    expect(await admit("sub-bo", "bo@corp.example", ["admins", "gone"])).toEqual({ ok: false, missingGroup: "gone" });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test("a subject is one user however many of its sign-ins arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => admit("sub-cy", "cy@corp.example", ["admins"])));
    const ids = new Set(results.map((r) => (r.ok ? r.userId : "refused")));
    expect(ids.size).toBe(1);
    const rows = await t.db
      .select()
      .from(users)
      .where(and(eq(users.providerId, provider.id), eq(users.subject, "sub-cy")));
    expect(rows).toHaveLength(1);
    expect(await groupsOf(rows[0]!.id)).toEqual(["admins"]);
  });

  test("the same subject at another provider is another person", async () => {
    const [other] = await t.db
      .insert(identityProviders)
      .values({ accountId: acme.accountId, name: "other", issuer: "https://other.example", clientId: "mandate", clientSecret: "sealed", rules: [] })
      .returning();
    const a = await admit("sub-dee", "dee", []);
    const b = await t.db.transaction((tx) => admitFederatedUser(tx, other!, "sub-dee", { name: "dee", groups: [] }));
    expect(a.ok && b.ok && a.userId !== b.userId).toBe(true);
  });
});

describe("a federated user with Agent Operator", () => {
  test("switches role through an agency, and the delegating account's trail says who it is", async () => {
    const globex = await callerFor(t.db, "globex");
    const [globexIdp] = (await t.db
      .insert(identityProviders)
      .values({ accountId: globex.accountId, name: "globex-idp", issuer: "https://idp.globex.example", clientId: "mandate", clientSecret: "sealed", rules: [] })
      .returning()) as [IdentityProvider];
    const admitted = await t.db.transaction((tx) => admitFederatedUser(tx, globexIdp, "sub-gil", { name: "gil@globex.example", groups: ["operators"] }));
    if (!admitted.ok) throw new Error("refused");
    const loginId = await startSignIn(t.db, { accountId: globex.accountId, userId: admitted.userId });
    const gil = (await signedInPrincipal(t.db, { accountId: globex.accountId, userId: admitted.userId, loginId }))!.caller;
    const { caller } = await assumeRole(t.db, gil, { accountName: "acme", agencyName: "globex-ops" }, loginId);
    expect(caller).toMatchObject({ accountName: "acme", agency: { name: "globex-ops" }, federated: { provider: "globex-idp", subject: "sub-gil" } });
    const [event] = (await listAuditEvents(t.db, acme, { actor: "globex/gil@globex.example (federated via globex-idp)", action: "iam:agencies:assume" }))
      .events;
    expect(event).toMatchObject({
      decision: "allow",
      agencyName: "globex-ops",
      detail: expect.objectContaining({ federated: { provider: "globex-idp", subject: "sub-gil" } }),
    });
  });
});
