import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { agencies, apiCredentials, auditEvents, policies, roleSessions } from "@/db/schema";
import { createOwnAccessKey, setOwnAccessKeyStatus } from "@/lib/access-keys/access-keys";
import { huaweiStringToSign } from "@/lib/api/huawei-signature";
import { forgetThrottle } from "@/lib/api/throttle";
import { getAgency } from "@/lib/agencies/agencies";
import { addAgencyPermissions, changeAgencyRole } from "@/lib/agencies/permissions";
import type { Caller } from "@/lib/caller";
import { endRoleSessionAsOwner, listActiveRoleSessions, recentRolesOf } from "@/lib/roles/role-sessions";
import { ECS, IAM, huaweiRefusal, type RawHuaweiRequest, sendHuawei, startHuaweiServer } from "../helpers/huawei-sdk";
import { agencyTrustingGlobex, callerFor, testDatabase, type TestDatabase, userWithPolicies } from "../helpers/db";
import { auditCount, tableCounts, withoutKeyUse } from "../helpers/snapshot";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof startHuaweiServer>>;
let acme: Caller;
let globex: Caller;
let acmeKey: { accessKeyId: string; secret: string };
let globexKey: { accessKeyId: string; secret: string };
let sdk: ReturnType<typeof api.iam>;
let policyIds: Record<string, string>;

beforeAll(async () => {
  t = await testDatabase();
  api = await startHuaweiServer(t.db);
  acme = await callerFor(t.db, "acme");
  globex = await callerFor(t.db, "globex");
  acmeKey = await createOwnAccessKey(t.db, acme, {});
  globexKey = await createOwnAccessKey(t.db, globex, {});
  sdk = api.iam(acmeKey.accessKeyId, acmeKey.secret, acme.accountId);
  policyIds = Object.fromEntries((await t.db.select({ id: policies.id, name: policies.name }).from(policies)).map((p) => [p.name, p.id]));
});
// The throttle allows a burst of 40 per key; this file sends hundreds with acme's key (the throttle has tests of its own).
beforeEach(() => forgetThrottle(t.db));
afterAll(async () => {
  await api.close();
  await t.dispose();
});

/** Requests that only read still record the key's use and, for changes, the spent signature. */

const createAgency = (client: typeof sdk, option: IAM.CreateAgencyOption) =>
  client.createAgency(new IAM.CreateAgencyRequest().withBody(new IAM.CreateAgencyRequestBody().withAgency(option)));
const agencyOption = (name: string) => new IAM.CreateAgencyOption().withName(name).withDomainId(acme.accountId);
const grantOnDomain = (client: typeof sdk, agencyId: string, roleId: string) =>
  client.associateAgencyWithDomainPermission(
    new IAM.AssociateAgencyWithDomainPermissionRequest().withDomainId(acme.accountId).withAgencyId(agencyId).withRoleId(roleId),
  );
const assumeIdentity = (agencyName: string) =>
  new IAM.AgencyAuthIdentity().withMethods(["assume_role"]).withAssumeRole(new IAM.IdentityAssumerole().withAgencyName(agencyName).withDomainName("acme"));
/**
 * A changing request signed exactly as an earlier one is refused (see the replay tests), and the
 * SDK's dates have one-second resolution: each call here asks for another duration, so that two
 * calls in the same second are two requests.
 */
let nextDuration = 1000;
const temporaryKeys = async (client: typeof sdk, agencyName: string, durationSeconds = nextDuration++) => {
  const identity = assumeIdentity(agencyName);
  identity.assumeRole?.withDurationSeconds(durationSeconds);
  const answer = await client.createTemporaryAccessKeyByAgency(
    new IAM.CreateTemporaryAccessKeyByAgencyRequest().withBody(
      new IAM.CreateTemporaryAccessKeyByAgencyRequestBody().withAuth(new IAM.AgencyAuth().withIdentity(identity)),
    ),
  );
  return answer.credential as { access: string; secret: string; securitytoken: string };
};
const agencyToken = (client: typeof sdk, agencyName: string) =>
  client.keystoneCreateAgencyToken(
    new IAM.KeystoneCreateAgencyTokenRequest().withBody(
      new IAM.KeystoneCreateAgencyTokenRequestBody().withAuth(
        new IAM.AgencyTokenAuth()
          .withIdentity(
            new IAM.AgencyTokenIdentity()
              .withMethods(["assume_role"])
              .withAssumeRole(new IAM.AgencyTokenAssumerole().withAgencyName(agencyName).withDomainName("acme")),
          )
          .withScope(new IAM.AgencyTokenScope().withDomain(new IAM.AgencyTokenScopeDomain().withName("acme"))),
      ),
    ),
  );
const listServers = (credential: { access: string; secret: string; securitytoken: string }, region: string) =>
  api.ecs(credential, region).listServersDetails(new ECS.ListServersDetailsRequest());

/** The SDK's answers are the reply's JSON objects, keyed as on the wire (its models' getters are not there). */
const wire = (value: unknown) => value as Record<string, unknown>;

const sessionOf = async (accessKeyId: string) =>
  (await t.db.select({ id: apiCredentials.roleSessionId }).from(apiCredentials).where(eq(apiCredentials.accessKeyId, accessKeyId)))[0]!.id;

/** The captured request signed again with `secret` after `change` (a valid signature over altered content). */
function resigned(raw: RawHuaweiRequest, secret: string, change: (r: RawHuaweiRequest) => void): RawHuaweiRequest {
  const copy: RawHuaweiRequest = { ...raw, headers: { ...raw.headers } };
  change(copy);
  const match = /Access=([^,]+), SignedHeaders=([^,]+), Signature=/.exec(copy.headers.authorization!)!;
  const authorization = { accessKeyId: match[1]!, signedHeaders: match[2]!.split(";"), signature: "0".repeat(64) };
  const toSign = huaweiStringToSign({
    method: copy.method,
    rawPath: copy.path,
    search: copy.search,
    header: (n) => copy.headers[n] ?? null,
    body: copy.body,
    authorization,
  });
  copy.headers.authorization = `SDK-HMAC-SHA256 Access=${match[1]}, SignedHeaders=${match[2]}, Signature=${createHmac("sha256", secret).update(toSign).digest("hex")}`;
  return copy;
}

describe("the official IAM SDK manages agencies", () => {
  test("create, list, show, update and delete an agency; each event names the access key", async () => {
    const created = await createAgency(
      sdk,
      agencyOption("sdk-ops")
        .withTrustDomainName("globex")
        .withDuration("ONEDAY" as never)
        .withDescription("from the SDK"),
    );
    expect(created.httpStatusCode).toBe(201);
    expect(created.agency).toMatchObject({
      name: "sdk-ops",
      domain_id: acme.accountId,
      trust_domain_id: globex.accountId,
      trust_domain_name: "globex",
      duration: "24",
    });
    expect(wire(created.agency).expire_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    const id = created.agency!.id!;

    // The console reads the same agency.
    expect((await getAgency(t.db, acme, id)).agency).toMatchObject({ name: "sdk-ops", validityKind: "one_day", description: "from the SDK" });

    const listed = await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId).withName("sdk-ops"));
    expect(listed.agencies?.map((a) => a.id)).toEqual([id]);
    const byTrust = await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId).withTrustDomainId(globex.accountId));
    expect(byTrust.agencies?.map((a) => a.name)).toEqual(expect.arrayContaining(["globex-ops", "sdk-ops"]));
    expect((await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId).withPerPage(1))).agencies).toHaveLength(1);

    const shown = await sdk.showAgency(new IAM.ShowAgencyRequest().withAgencyId(id));
    expect(shown.agency).toMatchObject({ id, name: "sdk-ops", description: "from the SDK" });

    const updated = await sdk.updateAgency(
      new IAM.UpdateAgencyRequest()
        .withAgencyId(id)
        .withBody(new IAM.UpdateAgencyRequestBody().withAgency(new IAM.UpdateAgencyOption().withDescription("changed").withDuration("FOREVER" as never))),
    );
    expect(updated.agency).toMatchObject({ description: "changed", duration: "FOREVER", expire_time: null, trust_domain_name: "globex" });

    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:agencies:update"), eq(auditEvents.target, "agency sdk-ops")));
    expect(event).toMatchObject({ actor: "acme (root)", decision: "allow", detail: { via: { api: "huawei", accessKeyId: acmeKey.accessKeyId } } });

    const deleted = await sdk.deleteAgency(new IAM.DeleteAgencyRequest().withAgencyId(id));
    expect(deleted.httpStatusCode).toBe(204);
    expect(await huaweiRefusal(() => sdk.showAgency(new IAM.ShowAgencyRequest().withAgencyId(id)))).toEqual({ status: 404, code: "IAM.0003" });
  });

  test("the delegated party by id, the name winning over the id, a number of days, and a cloud service", async () => {
    const byId = await createAgency(
      sdk,
      agencyOption("sdk-by-id")
        .withTrustDomainId(globex.accountId)
        .withDuration(30 as never),
    );
    expect(byId.agency).toMatchObject({ trust_domain_name: "globex", duration: String(30 * 24) });
    const initech = await callerFor(t.db, "initech");
    const nameWins = await createAgency(sdk, agencyOption("sdk-name-wins").withTrustDomainId(globex.accountId).withTrustDomainName("initech"));
    expect(nameWins.agency).toMatchObject({ trust_domain_id: initech.accountId, trust_domain_name: "initech", duration: "FOREVER" });
    const service = await createAgency(sdk, agencyOption("sdk-ecs-service").withTrustDomainName("op_svc_ecs"));
    expect(service.agency).toMatchObject({ trust_domain_id: null, trust_domain_name: "op_svc_ecs" });
    expect((await getAgency(t.db, acme, service.agency!.id!)).agency).toMatchObject({ type: "service", service: "ECS" });
  });

  test("bad input gets the vendor's errors, and nothing is written", async () => {
    await createAgency(sdk, agencyOption("sdk-taken").withTrustDomainName("globex"));
    const before = withoutKeyUse(await tableCounts(t.db));
    const refused = (option: IAM.CreateAgencyOption) => huaweiRefusal(() => createAgency(sdk, option));
    expect(await refused(agencyOption("sdk-taken").withTrustDomainName("globex").withDescription("again"))).toEqual({ status: 409, code: "IAM.0004" });
    expect(await refused(agencyOption("sdk-nobody").withTrustDomainName("no-such-account"))).toEqual({ status: 404, code: "IAM.0003" });
    expect(await refused(agencyOption("sdk-self").withTrustDomainName("acme"))).toEqual({ status: 400, code: "IAM.0011" });
    expect(await refused(agencyOption("sdk-user").withTrustDomainName("globex/gina"))).toEqual({ status: 400, code: "IAM.0011" });
    expect(await refused(agencyOption("bad name!").withTrustDomainName("globex"))).toEqual({ status: 400, code: "IAM.0011" });
    expect(
      await refused(
        agencyOption("sdk-days")
          .withTrustDomainName("globex")
          .withDuration(366 as never),
      ),
    ).toEqual({ status: 400, code: "IAM.0011" });
    expect(await refused(agencyOption("sdk-none"))).toEqual({ status: 400, code: "IAM.0011" });
    expect(await refused(new IAM.CreateAgencyOption().withName("sdk-other").withDomainId(globex.accountId).withTrustDomainName("initech"))).toEqual({
      status: 403,
      code: "IAM.0002",
    });
    expect(await huaweiRefusal(() => sdk.deleteAgency(new IAM.DeleteAgencyRequest().withAgencyId("not-an-id")))).toEqual({ status: 404, code: "IAM.0003" });
    // Another account's agency is not found, not forbidden: ids of other accounts say nothing.
    const [globexOps] = await t.db.select().from(agencies).where(eq(agencies.name, "globex-ops"));
    const theirs = api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId);
    expect(await huaweiRefusal(() => theirs.deleteAgency(new IAM.DeleteAgencyRequest().withAgencyId(globexOps!.id)))).toEqual({
      status: 404,
      code: "IAM.0003",
    });
    expect(withoutKeyUse(await tableCounts(t.db))).toEqual({ ...before, audit_events: before.audit_events });
  });

  test("an IAM user's key acts with the user's permissions only", async () => {
    const reader = await userWithPolicies(t.db, acme, "sdk-reader", [{ policyId: policyIds["IAM ReadOnlyAccess"]!, scopeKind: "global" }]);
    const key = await createOwnAccessKey(t.db, reader, {});
    const client = api.iam(key.accessKeyId, key.secret, acme.accountId);
    expect((await client.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId))).agencies?.length).toBeGreaterThan(0);
    expect(await huaweiRefusal(() => createAgency(client, agencyOption("sdk-by-reader").withTrustDomainName("globex")))).toEqual({
      status: 403,
      code: "IAM.0002",
    });
    const [denied] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:agencies:create"), eq(auditEvents.decision, "deny"), eq(auditEvents.target, "agency sdk-by-reader")));
    expect(denied?.detail).toMatchObject({ via: { api: "huawei", accessKeyId: key.accessKeyId } });
  });
});

describe("moving an agency to another account", () => {
  test("lends its permissions afresh: a caller who does not hold them cannot move it", async () => {
    const admin = await userWithPolicies(t.db, acme, "sdk-iam-admin", [{ policyId: policyIds["Security Administrator"]!, scopeKind: "global" }]);
    const key = await createOwnAccessKey(t.db, admin, {});
    const client = api.iam(key.accessKeyId, key.secret, acme.accountId);
    const agency = await agencyTrustingGlobex(t.db, acme, policyIds["ECS FullAccess"]!, "sdk-move-me");
    const move = (c: typeof sdk, to: string) =>
      c.updateAgency(
        new IAM.UpdateAgencyRequest()
          .withAgencyId(agency.id)
          .withBody(new IAM.UpdateAgencyRequestBody().withAgency(new IAM.UpdateAgencyOption().withTrustDomainName(to))),
      );
    // The administrator may edit agencies but holds no ECS permission to lend to initech.
    expect(await huaweiRefusal(() => move(client, "initech"))).toEqual({ status: 403, code: "IAM.0002" });
    expect((await getAgency(t.db, acme, agency.id)).delegatedAccountName).toBe("globex");
    expect((await move(sdk, "initech")).agency).toMatchObject({ trust_domain_name: "initech" });
    expect(await huaweiRefusal(() => move(sdk, "acme"))).toEqual({ status: 400, code: "IAM.0011" });
  });
});

describe("roles on an agency: the domain, a project, all projects", () => {
  test("grant, check, list and revoke in each place, as Mandate's scopes", async () => {
    const { agency } = await createAgency(sdk, agencyOption("sdk-roles").withTrustDomainName("globex"));
    const id = agency!.id!;
    const iamRead = policyIds["IAM ReadOnlyAccess"]!;
    const ecsRead = policyIds["ECS ReadOnlyAccess"]!;
    const obsRead = policyIds["OBS ReadOnlyAccess"]!;

    expect((await grantOnDomain(sdk, id, iamRead)).httpStatusCode).toBe(204);
    const domainRoles = await sdk.listDomainPermissionsForAgency(new IAM.ListDomainPermissionsForAgencyRequest().withDomainId(acme.accountId).withAgencyId(id));
    expect(domainRoles.roles).toEqual([expect.objectContaining({ id: iamRead, name: "IAM ReadOnlyAccess", type: "AX", catalog: "BASE" })]);
    expect(
      (
        await sdk.checkDomainPermissionForAgency(
          new IAM.CheckDomainPermissionForAgencyRequest().withDomainId(acme.accountId).withAgencyId(id).withRoleId(iamRead),
        )
      ).httpStatusCode,
    ).toBe(204);

    const inProject = api.iamInProject(acmeKey.accessKeyId, acmeKey.secret, "cn-north-4");
    await inProject.associateAgencyWithProjectPermission(new IAM.AssociateAgencyWithProjectPermissionRequest().withAgencyId(id).withRoleId(ecsRead));
    const inOther = api.iamInProject(acmeKey.accessKeyId, acmeKey.secret, "eu-west-0");
    await inOther.associateAgencyWithProjectPermission(new IAM.AssociateAgencyWithProjectPermissionRequest().withAgencyId(id).withRoleId(ecsRead));
    const permission = (await getAgency(t.db, acme, id)).permissions.find((p) => p.policyId === ecsRead);
    expect(permission).toMatchObject({ scopeKind: "regions", scopeValues: ["cn-north-4", "eu-west-0"] });
    expect(
      (await inProject.listProjectPermissionsForAgency(new IAM.ListProjectPermissionsForAgencyRequest().withAgencyId(id))).roles?.map((r) => r.id),
    ).toEqual([ecsRead]);
    await inProject.removeProjectPermissionFromAgency(new IAM.RemoveProjectPermissionFromAgencyRequest().withAgencyId(id).withRoleId(ecsRead));
    expect((await getAgency(t.db, acme, id)).permissions.find((p) => p.policyId === ecsRead)).toMatchObject({ scopeValues: ["eu-west-0"] });
    // A HEAD answer has no body: the status says it.
    expect(
      await huaweiRefusal(() =>
        inProject.checkProjectPermissionForAgency(new IAM.CheckProjectPermissionForAgencyRequest().withAgencyId(id).withRoleId(ecsRead)),
      ),
    ).toMatchObject({ status: 404 });

    await sdk.associateAgencyWithAllProjectsPermission(
      new IAM.AssociateAgencyWithAllProjectsPermissionRequest().withDomainId(acme.accountId).withAgencyId(id).withRoleId(obsRead),
    );
    const inherited = await sdk.listAllProjectsPermissionsForAgency(
      new IAM.ListAllProjectsPermissionsForAgencyRequest().withDomainId(acme.accountId).withAgencyId(id),
    );
    expect(inherited.roles?.map((r) => r.id)).toEqual([obsRead]);
    expect(
      (
        await sdk.checkAllProjectsPermissionForAgency(
          new IAM.CheckAllProjectsPermissionForAgencyRequest().withDomainId(acme.accountId).withAgencyId(id).withRoleId(obsRead),
        )
      ).httpStatusCode,
    ).toBe(204);
    await sdk.removeAllProjectsPermissionFromAgency(
      new IAM.RemoveAllProjectsPermissionFromAgencyRequest().withDomainId(acme.accountId).withAgencyId(id).withRoleId(obsRead),
    );
    await sdk.removeDomainPermissionFromAgency(
      new IAM.RemoveDomainPermissionFromAgencyRequest().withDomainId(acme.accountId).withAgencyId(id).withRoleId(iamRead),
    );
    // The console's rule holds here too: an agency keeps at least one permission once it has one.
    expect(
      await huaweiRefusal(() =>
        inOther.removeProjectPermissionFromAgency(new IAM.RemoveProjectPermissionFromAgencyRequest().withAgencyId(id).withRoleId(ecsRead)),
      ),
    ).toEqual({ status: 409, code: "IAM.0004" });
  });

  test("grants and revocations of regions at once do not undo each other", async () => {
    const ecsRead = policyIds["ECS ReadOnlyAccess"]!;
    for (let run = 0; run < 5; run++) {
      // Another permission, so that revoking every region of this one is allowed in whatever order the changes land.
      const agency = await agencyTrustingGlobex(t.db, acme, policyIds["IAM ReadOnlyAccess"]!, `sdk-race-${run}`, { scopeKind: "global" });
      await addAgencyPermissions(t.db, acme, { agencyId: agency.id, policyIds: [ecsRead], scopeKind: "regions", regions: ["cn-north-4", "ap-southeast-1"] });
      const change = (region: string, kind: "grant" | "revoke") =>
        changeAgencyRole(t.db, acme, { agencyId: agency.id, policyId: ecsRead, scopeKind: "regions", region, change: kind });
      await Promise.all([change("ap-southeast-1", "revoke"), change("eu-west-0", "grant"), change("cn-north-4", "revoke")]);
      const permission = (await getAgency(t.db, acme, agency.id)).permissions.find((p) => p.policyId === ecsRead);
      expect(permission?.scopeValues).toEqual(["eu-west-0"]);
    }
  });

  test("unknown roles, unknown regions, misfitting scopes and another domain are refused", async () => {
    const { agency } = await createAgency(sdk, agencyOption("sdk-role-errors").withTrustDomainName("globex"));
    const id = agency!.id!;
    expect(await huaweiRefusal(() => grantOnDomain(sdk, id, "00000000-0000-4000-8000-000000000000"))).toEqual({ status: 404, code: "IAM.0003" });
    expect(await huaweiRefusal(() => grantOnDomain(sdk, id, policyIds["ECS ReadOnlyAccess"]!))).toEqual({ status: 400, code: "IAM.0011" });
    const nowhere = api.iamInProject(acmeKey.accessKeyId, acmeKey.secret, "mars-1");
    expect(
      await huaweiRefusal(() =>
        nowhere.associateAgencyWithProjectPermission(
          new IAM.AssociateAgencyWithProjectPermissionRequest().withAgencyId(id).withRoleId(policyIds["ECS ReadOnlyAccess"]!),
        ),
      ),
    ).toEqual({ status: 404, code: "IAM.0003" });
    expect(
      await huaweiRefusal(() =>
        sdk.associateAgencyWithDomainPermission(
          new IAM.AssociateAgencyWithDomainPermissionRequest().withDomainId(globex.accountId).withAgencyId(id).withRoleId(policyIds["IAM ReadOnlyAccess"]!),
        ),
      ),
    ).toEqual({ status: 403, code: "IAM.0002" });
  });

  test("a grant that would hand on more than the caller holds is refused (the console's rule)", async () => {
    const operator = await userWithPolicies(t.db, acme, "sdk-agency-admin", [{ policyId: policyIds["IAM ReadOnlyAccess"]!, scopeKind: "global" }]);
    const { agency } = await createAgency(sdk, agencyOption("sdk-hand-on").withTrustDomainName("globex"));
    const key = await createOwnAccessKey(t.db, operator, {});
    const client = api.iam(key.accessKeyId, key.secret, acme.accountId);
    expect(await huaweiRefusal(() => grantOnDomain(client, agency!.id!, policyIds["Tenant Administrator"]!))).toEqual({ status: 403, code: "IAM.0002" });
    expect((await getAgency(t.db, acme, agency!.id!)).permissions).toEqual([]);
  });
});

describe("assuming an agency: tokens and temporary access keys are role sessions", () => {
  const opsKeys = () => temporaryKeys(api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId), "globex-ops");

  test("temporary keys list ECS as the agency; the session is listed and recorded in both accounts", async () => {
    const credential = await opsKeys();
    expect(credential.access).toMatch(/^[A-Z0-9]{20}$/);
    const servers = await listServers(credential, "cn-north-4");
    expect(servers.servers?.map((s) => s.name).sort()).toEqual(["pay-api-01", "web-01"]);
    expect(servers.servers?.[0]?.status).toBe("ACTIVE");

    const [ops] = await t.db.select().from(agencies).where(eq(agencies.name, "globex-ops"));
    const sessions = await listActiveRoleSessions(t.db, acme, ops!.id);
    // The console's Switch Role history is of switches made there.
    expect(await recentRolesOf(t.db, globex)).toEqual([]);
    expect(sessions.some((s) => s.principalAccount === "globex")).toBe(true);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "iam:agencies:assume"));
    expect(events.filter((e) => (e.detail as { via?: unknown }).via !== undefined).map((e) => e.accountId)).toEqual(
      expect.arrayContaining([acme.accountId, globex.accountId]),
    );
  });

  test("ending the session, deleting the agency or moving it to another account refuses the next call", async () => {
    const ended = await opsKeys();
    const [ops] = await t.db.select().from(agencies).where(eq(agencies.name, "globex-ops"));
    const active = await listActiveRoleSessions(t.db, acme, ops!.id);
    await listServers(ended, "cn-north-4");
    for (const s of active) await endRoleSessionAsOwner(t.db, acme, { agencyId: ops!.id, roleSessionId: s.id });
    expect(await huaweiRefusal(() => listServers(ended, "cn-north-4"))).toEqual({ status: 401, code: "IAM.0001" });

    const agency = await agencyTrustingGlobex(t.db, acme, policyIds["ECS ReadOnlyAccess"]!, "sdk-doomed");
    const globexClient = api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId);
    const doomed = await temporaryKeys(globexClient, "sdk-doomed");
    expect((await listServers(doomed, "eu-west-0")).count).toBe(1);
    await sdk.deleteAgency(new IAM.DeleteAgencyRequest().withAgencyId(agency.id));
    expect(await huaweiRefusal(() => listServers(doomed, "eu-west-0"))).toEqual({ status: 401, code: "IAM.0001" });

    const moved = await agencyTrustingGlobex(t.db, acme, policyIds["ECS ReadOnlyAccess"]!, "sdk-moved");
    const movedKeys = await temporaryKeys(globexClient, "sdk-moved");
    await sdk.updateAgency(
      new IAM.UpdateAgencyRequest()
        .withAgencyId(moved.id)
        .withBody(new IAM.UpdateAgencyRequestBody().withAgency(new IAM.UpdateAgencyOption().withTrustDomainName("initech"))),
    );
    // Moving it back does not bring the sessions back.
    await sdk.updateAgency(
      new IAM.UpdateAgencyRequest()
        .withAgencyId(moved.id)
        .withBody(new IAM.UpdateAgencyRequestBody().withAgency(new IAM.UpdateAgencyOption().withTrustDomainName("globex"))),
    );
    expect(await huaweiRefusal(() => listServers(movedKeys, "eu-west-0"))).toEqual({ status: 401, code: "IAM.0001" });
  });

  test("a token from /v3/auth/tokens acts as the agency in X-Auth-Token, until the owner ends it", async () => {
    const agency = await agencyTrustingGlobex(t.db, acme, policyIds["IAM ReadOnlyAccess"]!, "sdk-token", { scopeKind: "global" });
    const answer = await agencyToken(api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId), "sdk-token");
    expect(answer.httpStatusCode).toBe(201);
    expect(answer.token).toMatchObject({ methods: ["assume_role"], domain: { id: acme.accountId, name: "acme" } });
    // The SDK answers with the reply's JSON as it came, the X-Subject-Token header added to it.
    const token = wire(answer)["X-Subject-Token"] as string;
    expect(token.length).toBeGreaterThan(32);
    const get = (path: string) => fetch(`${api.endpoint}${path}`, { headers: { "x-auth-token": token } });
    const listed = await get(`/v3.0/OS-AGENCY/agencies?domain_id=${acme.accountId}`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { agencies: unknown[] }).agencies.length).toBeGreaterThan(0);
    // A switched role reads the agencies but cannot manage them (no re-delegation).
    const refused = await fetch(`${api.endpoint}/v3.0/OS-AGENCY/agencies`, {
      method: "POST",
      headers: { "x-auth-token": token, "content-type": "application/json" },
      body: JSON.stringify({ agency: { name: "from-a-role", domain_id: acme.accountId, trust_domain_name: "globex" } }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error_code: "IAM.0002" });

    const elsewhere = await fetch(`${api.endpoint}/v3.0/OS-AGENCY/agencies?domain_id=${acme.accountId}`, {
      headers: { "x-auth-token": token, "x-domain-id": globex.accountId },
    });
    expect(elsewhere.status).toBe(403);

    const [session] = await listActiveRoleSessions(t.db, acme, agency.id);
    await endRoleSessionAsOwner(t.db, acme, { agencyId: agency.id, roleSessionId: session!.id });
    const after = await get(`/v3.0/OS-AGENCY/agencies?domain_id=${acme.accountId}`);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error_code: "IAM.0001", error_msg: expect.stringContaining("ended") });
  });

  test("an agency that does not trust the caller, an expired one and role chaining are refused alike", async () => {
    const globexClient = api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId);
    expect(await huaweiRefusal(() => temporaryKeys(globexClient, "no-such-agency"))).toEqual({ status: 403, code: "IAM.0002" });
    expect(await huaweiRefusal(() => temporaryKeys(globexClient, "old-audit"))).toEqual({ status: 403, code: "IAM.0002" });
    expect(await huaweiRefusal(() => temporaryKeys(sdk, "globex-ops"))).toEqual({ status: 403, code: "IAM.0002" });
    expect(await huaweiRefusal(() => temporaryKeys(globexClient, "globex-ops", 60))).toEqual({ status: 400, code: "IAM.0011" });

    const credential = await opsKeys();
    const chained = IAM.IamClient.newBuilder()
      .withCredential(
        new (await import("@huaweicloud/huaweicloud-sdk-core")).GlobalCredentials()
          .withAk(credential.access)
          .withSk(credential.secret)
          .withSecurityToken(credential.securitytoken)
          .withDomainId(acme.accountId),
      )
      .withEndpoint(api.endpoint)
      .build();
    expect(await huaweiRefusal(() => temporaryKeys(chained, "globex-ops"))).toEqual({ status: 403, code: "IAM.0002" });
  });

  test("the session lasts as long as the keys asked for", async () => {
    const credential = await temporaryKeys(api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId), "globex-ops", 1800);
    const [session] = await t.db
      .select()
      .from(roleSessions)
      .where(eq(roleSessions.id, await sessionOf(credential.access)));
    expect(session!.expiresAt!.getTime() - session!.startedAt.getTime()).toBeCloseTo(1800 * 1000, -4);
    await listServers(credential, "cn-north-4");
    await t.db
      .update(roleSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(roleSessions.id, session!.id));
    expect(await huaweiRefusal(() => listServers(credential, "cn-north-4"))).toEqual({ status: 401, code: "IAM.0001" });
    expect((await t.db.select().from(roleSessions).where(eq(roleSessions.id, session!.id)))[0]).toMatchObject({ endedReason: "expired" });
  });
});

describe("signatures, keys, dates and replays", () => {
  test("a tampered body, path or header fails the signature; nothing is written or recorded", async () => {
    await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId));
    const read = api.lastRequest();
    await createAgency(sdk, agencyOption("sdk-signed").withTrustDomainName("globex"));
    const write = api.lastRequest();
    const before = await tableCounts(t.db);
    const tampered = [
      { ...write, body: write.body.replace("sdk-signed", "sdk-forged") },
      { ...read, search: read.search.replace(acme.accountId, globex.accountId) },
      { ...read, path: "/v3.0/OS-AGENCY/agencies/x" },
      { ...read, headers: { ...read.headers, "x-domain-id": globex.accountId } },
      {
        ...read,
        headers: { ...read.headers, authorization: read.headers.authorization!.replace(/Signature=(.)/, (_, c) => `Signature=${c === "0" ? "1" : "0"}`) },
      },
    ];
    for (const [index, raw] of tampered.entries()) {
      const answer = await sendHuawei(t.db, raw);
      expect(answer.status, `tampered request ${index}`).toBe(401);
      expect(answer.body).toMatchObject({ error_code: "IAM.0001" });
      expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });

  test("a changing request sent again is refused and recorded, so a grant replayed after its revocation grants nothing; a read is answered", async () => {
    const { agency } = await createAgency(sdk, agencyOption("sdk-once").withTrustDomainName("globex"));
    const id = agency!.id!;
    await grantOnDomain(sdk, id, policyIds["IAM ReadOnlyAccess"]!);
    const grant = api.lastRequest();
    await grantOnDomain(sdk, id, policyIds["Tenant Guest"]!);
    await sdk.removeDomainPermissionFromAgency(
      new IAM.RemoveDomainPermissionFromAgencyRequest().withDomainId(acme.accountId).withAgencyId(id).withRoleId(policyIds["IAM ReadOnlyAccess"]!),
    );
    const before = withoutKeyUse(await tableCounts(t.db));
    const events = await auditCount(t.db);
    expect(await sendHuawei(t.db, grant)).toMatchObject({ status: 401, body: { error_msg: expect.stringContaining("already been received") } });
    expect((await getAgency(t.db, acme, id)).permissions.map((p) => p.policyName)).toEqual(["Tenant Guest"]);
    expect(withoutKeyUse(await tableCounts(t.db))).toEqual(before);
    expect(await auditCount(t.db)).toBe(events + 1);

    // A token request sent again mints nothing, and its answer (a secret) is not given twice.
    await temporaryKeys(api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId), "globex-ops");
    const sessions = (await t.db.select().from(roleSessions)).length;
    const replayed = await sendHuawei(t.db, api.lastRequest());
    expect(replayed.status).toBe(401);
    expect(JSON.stringify(replayed.body)).not.toContain("secret");
    expect((await t.db.select().from(roleSessions)).length).toBe(sessions);

    await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId));
    expect((await sendHuawei(t.db, api.lastRequest())).status).toBe(200);
  });

  test("a request repeated once its date is 15 minutes old is refused for its date", async () => {
    await createAgency(sdk, agencyOption("sdk-late").withTrustDomainName("globex"));
    const raw = api.lastRequest();
    const now = Date.now();
    const later = vi.spyOn(Date, "now").mockReturnValue(now + 16 * 60 * 1000);
    try {
      expect(await sendHuawei(t.db, raw)).toMatchObject({ status: 401, body: { error_msg: expect.stringContaining("15 minutes") } });
    } finally {
      later.mockRestore();
    }
  });

  test("past its burst a key is throttled with the vendor's 429, and a fresh second lets it on", async () => {
    await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId));
    // A read may be sent again: the same signed request, 80 times at once.
    const raw = api.lastRequest();
    const answers = await Promise.all(Array.from({ length: 80 }, () => sendHuawei(t.db, raw)));
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]?.body).toMatchObject({ error_code: "APIGW.0308" });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId))).httpStatusCode).toBe(200);
  });

  test("oversized queries and control characters are refused in the vendor's shape, not as server errors", async () => {
    await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId));
    const raw = api.lastRequest();
    const long = await sendHuawei(t.db, { ...raw, search: `${raw.search}${"&x=1".repeat(2000)}` });
    expect(long).toMatchObject({ status: 400, body: { error_code: "IAM.0011" } });
    const nul = await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId).withName("a\u0000b")).catch((e) => e);
    expect(nul).toMatchObject({ httpStatusCode: 400, errorCode: "IAM.0011" });
  });

  test("dates more than 15 minutes off, unknown and deactivated keys, missing security tokens", async () => {
    await sdk.listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId));
    const raw = api.lastRequest();
    const sdkDate = (ms: number) => `${new Date(ms).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
    const old = resigned(raw, acmeKey.secret, (r) => (r.headers["x-sdk-date"] = sdkDate(Date.now() - 16 * 60 * 1000)));
    expect(await sendHuawei(t.db, old)).toMatchObject({ status: 401, body: { error_msg: expect.stringContaining("15 minutes") } });
    const future = resigned(raw, acmeKey.secret, (r) => (r.headers["x-sdk-date"] = sdkDate(Date.now() + 16 * 60 * 1000)));
    expect((await sendHuawei(t.db, future)).status).toBe(401);
    const fine = resigned(raw, acmeKey.secret, (r) => (r.headers["x-sdk-date"] = sdkDate(Date.now() - 10 * 60 * 1000)));
    expect((await sendHuawei(t.db, fine)).status).toBe(200);
    const unsigned = resigned(raw, acmeKey.secret, (r) => {
      r.headers.authorization = r.headers.authorization!.replace("x-domain-id;", "");
    });
    expect((await sendHuawei(t.db, unsigned)).status).toBe(401);

    expect(
      await huaweiRefusal(() =>
        api.iam("AAAAAAAAAAAAAAAAAAAA", "secret", acme.accountId).listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId)),
      ),
    ).toEqual({
      status: 401,
      code: "IAM.0001",
    });
    // The key is acme's: a client that says it acts in globex is refused, whatever it then asks.
    const [globexOps] = await t.db.select().from(agencies).where(eq(agencies.name, "globex-ops"));
    expect(
      await huaweiRefusal(() =>
        api.iam(acmeKey.accessKeyId, acmeKey.secret, globex.accountId).showAgency(new IAM.ShowAgencyRequest().withAgencyId(globexOps!.id)),
      ),
    ).toEqual({
      status: 403,
      code: "IAM.0002",
    });
    const spare = await createOwnAccessKey(t.db, acme, {});
    await setOwnAccessKeyStatus(t.db, acme, { accessKeyId: spare.accessKeyId, status: "inactive" });
    expect(
      await huaweiRefusal(() =>
        api.iam(spare.accessKeyId, spare.secret, acme.accountId).listAgencies(new IAM.ListAgenciesRequest().withDomainId(acme.accountId)),
      ),
    ).toEqual({
      status: 403,
      code: "IAM.0002",
    });

    const credential = await temporaryKeys(api.iam(globexKey.accessKeyId, globexKey.secret, globex.accountId), "globex-ops");
    await listServers(credential, "cn-north-4");
    const withToken = api.lastRequest();
    const { "x-security-token": _token, ...headers } = withToken.headers;
    const withoutToken = resigned({ ...withToken, headers }, credential.secret, (r) => {
      r.headers.authorization = r.headers.authorization!.replace(";x-security-token", "");
    });
    expect(await sendHuawei(t.db, withoutToken)).toMatchObject({ status: 401, body: { error_msg: expect.stringContaining("X-Security-Token") } });
  });
});
