import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts, agencies, agencyPermissions, enterpriseProjects, groups, policies, roleSessions, users } from "@/db/schema";
import { inboundAccess, outboundAccess } from "@/lib/access/overview";
import { simulate } from "@/lib/access/simulator";
import { createAgency } from "@/lib/agencies/agencies";
import { authorize } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError } from "@/lib/errors";
import { createPolicy } from "@/lib/iam/policies";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createUser } from "@/lib/iam/users";
import { registerDelegatedAdmin } from "@/lib/rd/delegated-admins";
import { assumeRole } from "@/lib/roles/role-sessions";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
import { english } from "../helpers/english";

let t: TestDatabase;
let acme: Caller;
let policy: Record<string, string>;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  policy = Object.fromEntries((await t.db.select().from(policies)).filter((p) => p.accountId === null).map((p) => [p.name, p.id]));
});
afterAll(() => t.dispose());

describe("access overview", () => {
  test("inbound: every agency with party, permissions, expiry, sessions and findings", async () => {
    await createAgency(t.db, acme, {
      name: "sec-admin",
      type: "account",
      delegatedAccount: "initech",
      validityKind: "one_day",
      policyIds: [policy["Security Administrator"]],
      scopeKind: "global",
    });
    const gina = await callerFor(t.db, "globex", "gina");
    await assumeRole(t.db, gina, { accountName: "acme", agencyName: "globex-ops" }, "l1");
    const { agencies: rows } = await inboundAccess(t.db, acme);
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(english(by["globex-ops"]!.delegatedParty)).toBe("Account globex");
    expect(by["globex-ops"]).toMatchObject({
      activeSessions: 1,
      permissions: [{ policyName: "ECS FullAccess", scopeKind: "all" }],
    });
    expect(by["globex-ops"]!.findings.map((f) => f.kind).sort()).toEqual(["full_access", "unlimited"]);
    expect(by["old-audit"]!.findings.map((f) => f.kind)).toEqual(["expired"]);
    expect(by["sec-admin"]!.findings.map((f) => f.kind)).toEqual(["security_admin"]);

    // Not used for 90 days.
    await t.db
      .update(agencies)
      .set({ createdAt: new Date(Date.now() - 100 * 86400_000) })
      .where(eq(agencies.name, "sec-admin"));
    const later = Object.fromEntries((await inboundAccess(t.db, acme)).agencies.map((r) => [r.name, r]));
    expect(later["sec-admin"]!.findings.map((f) => f.kind)).toEqual(["security_admin", "unused"]);
  });

  test("a permission whose scope cannot apply (left from before scopes had to fit) is flagged", async () => {
    const created = await createAgency(t.db, acme, {
      name: "misfit",
      type: "account",
      delegatedAccount: "initech",
      validityKind: "one_day",
      policyIds: [policy["ECS ReadOnlyAccess"]],
      scopeKind: "all",
    });
    await t.db.update(agencyPermissions).set({ scopeKind: "global" }).where(eq(agencyPermissions.agencyId, created.id));
    const misfit = (await inboundAccess(t.db, acme)).agencies.find((a) => a.name === "misfit")!;
    expect(misfit.findings.map((f) => ({ ...f, message: english(f.message) }))).toContainEqual({
      kind: "ineffective",
      message: expect.stringMatching(/^Grants nothing: "ECS ReadOnlyAccess" cannot act in Global services/),
    });
  });

  test("a session older than a sign-in can last no longer counts as active", async () => {
    const before = (await inboundAccess(t.db, acme)).agencies.find((a) => a.name === "globex-ops")!.activeSessions;
    expect(before).toBeGreaterThan(0);
    await t.db.update(roleSessions).set({ startedAt: new Date(Date.now() - 9 * 3600_000) });
    expect((await inboundAccess(t.db, acme)).agencies.find((a) => a.name === "globex-ops")!.activeSessions).toBe(0);
  });

  test("outbound: the agencies that trust globex, ready to switch into; gus may not look", async () => {
    const gina = await callerFor(t.db, "globex", "gina");
    const out = await outboundAccess(t.db, gina);
    expect(out.map((a) => [a.accountName, a.agencyName, a.usable])).toEqual([
      ["acme", "globex-ops", true],
      ["acme", "old-audit", false],
    ]);
    await expect(outboundAccess(t.db, await callerFor(t.db, "globex", "gus"))).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test("delegated-administrator registrations show on both sides", async () => {
    const [globex] = await t.db.select().from(accounts).where(eq(accounts.name, "globex"));
    await registerDelegatedAdmin(t.db, acme, { service: "config", accountId: globex!.id });
    expect((await inboundAccess(t.db, acme)).delegatedAdmin).toMatchObject([
      { service: "Config Audit", role: "management", member: "globex", management: "acme" },
    ]);
    expect((await inboundAccess(t.db, await callerFor(t.db, "globex"))).delegatedAdmin).toMatchObject([
      { service: "Config Audit", role: "delegated", member: "globex" },
    ]);
    expect((await inboundAccess(t.db, await callerFor(t.db, "umbrella"))).delegatedAdmin).toEqual([]);
  });
});

describe("policy simulator", () => {
  test("answers exactly as enforcement does, on a table of cases", async () => {
    const [payments] = await t.db
      .select()
      .from(enterpriseProjects)
      .where(and(eq(enterpriseProjects.accountId, acme.accountId), eq(enterpriseProjects.name, "payments")));
    const denyStop = await createPolicy(t.db, acme, {
      name: "no-stop-in-paris",
      document: JSON.stringify({
        Version: "1.1",
        Statement: [{ Effect: "Deny", Action: ["ecs:instances:stop"], Condition: { StringEquals: { "g:RequestedRegion": ["eu-west-0"] } } }],
      }),
    });
    const group = await createGroup(t.db, acme, { name: "sim-operators" });
    await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: policy["ECS FullAccess"], scopeKind: "regions", regions: ["cn-north-4", "eu-west-0"] });
    await grantPolicyToGroup(t.db, acme, { groupId: group.id, policyId: denyStop.id, scopeKind: "all" });
    const user = await createUser(t.db, acme, { name: "sim-user", password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
    await addUserToGroup(t.db, acme, { userId: user.id, groupId: group.id });
    const agency = await createAgency(t.db, acme, {
      name: "sim-agency",
      type: "account",
      delegatedAccount: "globex",
      validityKind: "unlimited",
      policyIds: [policy["OBS ReadOnlyAccess"], policy["ECS ReadOnlyAccess"]],
      scopeKind: "projects",
      projects: [payments!.id],
    });
    const [alice] = await t.db
      .select()
      .from(users)
      .where(and(eq(users.accountId, acme.accountId), eq(users.name, "alice")));
    const [admins] = await t.db
      .select()
      .from(groups)
      .where(and(eq(groups.accountId, acme.accountId), eq(groups.name, "admins")));

    const simUser = await callerFor(t.db, "acme", "sim-user");
    const aliceCaller = await callerFor(t.db, "acme", "alice");
    const gina = await callerFor(t.db, "globex", "gina");
    const { caller: switched } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "sim-agency" }, "sim");

    const principals = [
      { principal: { principalType: "user", principalId: user.id }, enforced: simUser },
      { principal: { principalType: "group", principalId: group.id }, enforced: simUser }, // sim-user's only group
      { principal: { principalType: "user", principalId: alice!.id }, enforced: aliceCaller },
      { principal: { principalType: "group", principalId: admins!.id }, enforced: aliceCaller }, // alice's only group
      { principal: { principalType: "agency", principalId: agency.id }, enforced: switched },
    ];
    const requests = [
      {
        action: "ecs:instances:stop",
        resource: urn("ecs", "cn-north-4", acme.accountId, "instance", "web-01"),
        region: "cn-north-4",
        enterpriseProjectId: payments!.id,
      },
      {
        action: "ecs:instances:stop",
        resource: urn("ecs", "eu-west-0", acme.accountId, "instance", "pay-batch-01"),
        region: "eu-west-0",
        enterpriseProjectId: payments!.id,
      },
      {
        action: "ecs:instances:stop",
        resource: urn("ecs", "ap-southeast-1", acme.accountId, "instance", "web-02"),
        region: "ap-southeast-1",
        enterpriseProjectId: payments!.id,
      },
      {
        action: "ecs:instances:list",
        resource: urn("ecs", "ap-southeast-1", acme.accountId, "instance", "web-02"),
        region: "ap-southeast-1",
        enterpriseProjectId: payments!.id,
      },
      {
        action: "obs:buckets:list",
        resource: urn("obs", "cn-north-4", acme.accountId, "bucket", "acme-logs"),
        region: "cn-north-4",
        enterpriseProjectId: payments!.id,
      },
      { action: "iam:users:create", resource: urn("iam", null, acme.accountId, "user", "x"), region: null, enterpriseProjectId: null },
      { action: "iam:agencies:assume", resource: "*", region: null, enterpriseProjectId: null },
      { action: "resourcemanager:RegisterDelegatedAdministrator", resource: "*", region: null, enterpriseProjectId: null },
    ];
    const answers: string[] = [];
    for (const { principal, enforced } of principals) {
      for (const request of requests) {
        const simulated = await simulate(t.db, acme, {
          ...principal,
          action: request.action,
          resource: request.resource,
          regionId: request.region ?? "",
          enterpriseProjectId: request.enterpriseProjectId ?? "",
        });
        const actual = await authorize(t.db, enforced, request);
        expect(simulated.decision, `${principal.principalType} ${request.action} ${request.region}`).toEqual(actual);
        answers.push(simulated.decision.effect);
      }
    }
    // The table exercises all three outcomes.
    expect(new Set(answers)).toEqual(new Set(["Allow", "Deny", "ImplicitDeny"]));
  });

  test("is refused to principals without iam:permissions:simulate", async () => {
    const ian = await callerFor(t.db, "initech", "ian");
    const [ianRow] = await t.db.select().from(users).where(eq(users.name, "ian"));
    await expect(simulate(t.db, ian, { principalType: "user", principalId: ianRow!.id, action: "ecs:instances:list" })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
  });
});
