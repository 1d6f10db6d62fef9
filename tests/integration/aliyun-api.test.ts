import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditEvents, delegatedAdmins } from "@/db/schema";
import { createOwnAccessKey, setOwnAccessKeyStatus } from "@/lib/access-keys/access-keys";
import { sha256Hex, stringToSign, v2StringToSign } from "@/lib/api/acs-signature";
import type { Caller } from "@/lib/caller";
import { registerDelegatedAdmin } from "@/lib/rd/delegated-admins";
import { RM, refusal, send, startAcsServer } from "../helpers/aliyun-sdk";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
import { auditCount, tableCounts, withoutKeyUse } from "../helpers/snapshot";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof startAcsServer>>;
let acme: Caller;
let ids: Record<string, string>;
let root: { accessKeyId: string; secret: string };
let sdk: InstanceType<typeof RM.default>;

beforeAll(async () => {
  t = await testDatabase();
  api = await startAcsServer(t.db);
  acme = await callerFor(t.db, "acme");
  ids = Object.fromEntries(await Promise.all(["acme", "globex", "initech", "umbrella"].map(async (n) => [n, (await callerFor(t.db, n)).accountId])));
  root = await createOwnAccessKey(t.db, acme, {});
  sdk = api.client(root.accessKeyId, root.secret);
});
afterAll(async () => {
  await api.close();
  await t.dispose();
});

const register = (client: typeof sdk, accountId: string, servicePrincipal: string) =>
  client.registerDelegatedAdministrator(new RM.RegisterDelegatedAdministratorRequest({ accountId, servicePrincipal }));

describe("the official SDK against Mandate", () => {
  test("register, list and deregister a delegated administrator; the console and the audit trail agree", async () => {
    const registered = await register(sdk, ids.initech!, "cloudfw.aliyuncs.com");
    expect(registered.statusCode).toBe(200);
    expect(registered.body?.requestId).toMatch(/^[0-9A-F-]{36}$/);

    const listed = await sdk.listDelegatedAdministrators(new RM.ListDelegatedAdministratorsRequest({ servicePrincipal: "cloudfw.aliyuncs.com" }));
    expect(listed.body?.totalCount).toBe(1);
    expect(listed.body?.accounts?.account?.[0]).toMatchObject({
      accountId: ids.initech,
      displayName: "initech",
      servicePrincipal: "cloudfw.aliyuncs.com",
      joinMethod: "invited",
    });
    expect(Number(listed.body?.accounts?.account?.[0]?.delegationEnabledTime)).toBeGreaterThan(Date.now() - 60_000);

    const services = await sdk.listDelegatedServicesForAccount(new RM.ListDelegatedServicesForAccountRequest({ accountId: ids.initech }));
    expect(services.body?.delegatedServices?.delegatedService?.map((s) => s.servicePrincipal)).toEqual(["cloudfw.aliyuncs.com"]);
    const trusted = await sdk.listTrustedServiceStatus(new RM.ListTrustedServiceStatusRequest({}));
    expect(trusted.body?.enabledServicePrincipals?.enabledServicePrincipal?.map((s) => s.servicePrincipal)).toContain("cloudfw.aliyuncs.com");
    const cloudfw = trusted.body?.enabledServicePrincipals?.enabledServicePrincipal?.find((s) => s.servicePrincipal === "cloudfw.aliyuncs.com");
    expect(Number(cloudfw?.enableTime)).toBeGreaterThan(Date.UTC(2020, 0, 1));
    const ofInitech = await sdk.listTrustedServiceStatus(new RM.ListTrustedServiceStatusRequest({ adminAccountId: ids.initech }));
    expect(ofInitech.body?.enabledServicePrincipals?.enabledServicePrincipal?.map((s) => s.servicePrincipal)).toEqual(["cloudfw.aliyuncs.com"]);

    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "resourcemanager:RegisterDelegatedAdministrator"));
    expect(event).toMatchObject({ actor: "acme (root)", decision: "allow", detail: { via: { api: "aliyun", accessKeyId: root.accessKeyId } } });

    await sdk.deregisterDelegatedAdministrator(
      new RM.DeregisterDelegatedAdministratorRequest({ accountId: ids.initech, servicePrincipal: "cloudfw.aliyuncs.com" }),
    );
    expect(
      await refusal(() =>
        sdk.deregisterDelegatedAdministrator(
          new RM.DeregisterDelegatedAdministratorRequest({ accountId: ids.initech, servicePrincipal: "cloudfw.aliyuncs.com" }),
        ),
      ),
    ).toEqual({
      status: 409,
      code: "AccountNotRegistered",
    });
  });

  test("the vendor's error codes for each rule of the directory, with nothing written", async () => {
    // Every signed call records its nonce and the key's last use; nothing else may change.
    const tables = withoutKeyUse(await tableCounts(t.db));
    expect(await refusal(() => register(sdk, ids.acme!, "cloudfw.aliyuncs.com"))).toEqual({
      status: 409,
      code: "CannotRegisterMasterAsDelegatedAdministrator",
    });
    expect(await refusal(() => register(sdk, ids.umbrella!, "cloudfw.aliyuncs.com"))).toEqual({ status: 404, code: "EntityNotExists.Account" });
    expect(await refusal(() => register(sdk, ids.initech!, "nosuch.aliyuncs.com"))).toEqual({ status: 409, code: "InvalidParameter.ServicePrincipal" });
    expect(await refusal(() => register(sdk, ids.initech!, "tag.aliyuncs.com"))).toEqual({ status: 409, code: "InvalidParameter.ServicePrincipal" });
    expect(withoutKeyUse(await tableCounts(t.db))).toEqual(tables);
  });

  test("the per-service maximum holds when the API and the console register at once", async () => {
    // Action Trail allows one delegated administrator.
    const attempts = await Promise.allSettled([
      register(sdk, ids.initech!, "actiontrail.aliyuncs.com"),
      register(sdk, ids.globex!, "actiontrail.aliyuncs.com"),
      registerDelegatedAdmin(t.db, acme, { service: "actiontrail", accountId: ids.globex! }),
      registerDelegatedAdmin(t.db, acme, { service: "actiontrail", accountId: ids.initech! }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect((await t.db.select().from(delegatedAdmins).where(eq(delegatedAdmins.servicePrincipal, "actiontrail"))).length).toBe(1);
    expect(await refusal(() => register(sdk, ids.initech!, "actiontrail.aliyuncs.com"))).toMatchObject({ status: 409 });
  });

  test("a key of a user without the permission is refused (403 NoPermission) and the refusal is audited", async () => {
    const bob = await callerFor(t.db, "acme", "bob");
    const key = await createOwnAccessKey(t.db, bob, {});
    const events = await auditCount(t.db);
    expect(await refusal(() => register(api.client(key.accessKeyId, key.secret), ids.initech!, "cloudfw.aliyuncs.com"))).toEqual({
      status: 403,
      code: "NoPermission",
    });
    expect(await auditCount(t.db)).toBe(events + 1);
  });
});

describe("requests that are not what the key's holder signed", () => {
  test("a wrong secret, an unknown key and a deactivated key", async () => {
    expect(await refusal(() => register(api.client(root.accessKeyId, `${root.secret}x`), ids.initech!, "cloudfw.aliyuncs.com"))).toEqual({
      status: 401,
      code: "SignatureDoesNotMatch",
    });
    expect(await refusal(() => register(api.client("AAAAAAAAAAAAAAAAAAAA", "whatever"), ids.initech!, "cloudfw.aliyuncs.com"))).toEqual({
      status: 401,
      code: "InvalidAccessKeyId.NotFound",
    });
    const spare = await createOwnAccessKey(t.db, await callerFor(t.db, "globex"), {});
    await setOwnAccessKeyStatus(t.db, await callerFor(t.db, "globex"), { accessKeyId: spare.accessKeyId, status: "inactive" });
    expect(await refusal(() => api.client(spare.accessKeyId, spare.secret).listTrustedServiceStatus(new RM.ListTrustedServiceStatusRequest({})))).toEqual({
      status: 403,
      code: "InvalidAccessKeyId.Inactive",
    });
  });

  test("a captured request sent again is refused, and so is one with a changed parameter", async () => {
    await sdk.listTrustedServiceStatus(new RM.ListTrustedServiceStatusRequest({}));
    const captured = api.lastRequest();
    expect(await send(t.db, captured)).toMatchObject({ status: 401, body: { Code: "SignatureNonceUsed" } });
    const altered = { ...captured, search: captured.search.replace("PageNumber=1", "PageNumber=2") || "PageSize=99" };
    expect(await send(t.db, altered)).toMatchObject({ status: 401, body: { Code: "SignatureDoesNotMatch" } });
  });

  test("a request signed correctly but dated 16 minutes ago is refused", async () => {
    const date = new Date(Date.now() - 16 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const headers: Record<string, string> = {
      host: "127.0.0.1",
      "x-acs-action": "ListTrustedServiceStatus",
      "x-acs-version": "2020-03-31",
      "x-acs-date": date,
      "x-acs-signature-nonce": "old-request-nonce-1",
      "x-acs-content-sha256": sha256Hex(""),
    };
    const signedHeaders = Object.keys(headers).sort();
    const authorization = { accessKeyId: root.accessKeyId, signedHeaders, signature: "0".repeat(64) };
    const toSign = stringToSign({ method: "POST", path: "/", search: "", header: (n) => headers[n] ?? null, authorization });
    const signature = createHmac("sha256", root.secret).update(toSign).digest("hex");
    headers.authorization = `ACS3-HMAC-SHA256 Credential=${root.accessKeyId},SignedHeaders=${signedHeaders.join(";")},Signature=${signature}`;
    expect(await send(t.db, { search: "", headers, body: "" })).toMatchObject({ status: 401, body: { Code: "InvalidTimeStamp.Expired" } });
    headers["x-acs-date"] = new Date().toISOString();
    expect(await send(t.db, { search: "", headers, body: "" })).toMatchObject({ status: 401, body: { Code: "SignatureDoesNotMatch" } });
  });

  test("V2 signatures (HMAC-SHA1 in the query): the whole flow, and the same refusals", async () => {
    const v2 = api.client(root.accessKeyId, root.secret, "v2");
    await register(v2, ids.initech!, "cloudfw.aliyuncs.com");
    const captured = api.lastRequest();
    expect(new URLSearchParams(captured.search).get("SignatureMethod")).toBe("HMAC-SHA1");
    expect(captured.headers.authorization).toBeUndefined();
    const listed = await v2.listDelegatedAdministrators(new RM.ListDelegatedAdministratorsRequest({ servicePrincipal: "cloudfw.aliyuncs.com" }));
    expect(listed.body?.accounts?.account?.map((a) => a.accountId)).toEqual([ids.initech]);
    await v2.deregisterDelegatedAdministrator(
      new RM.DeregisterDelegatedAdministratorRequest({ accountId: ids.initech, servicePrincipal: "cloudfw.aliyuncs.com" }),
    );

    const before = await tableCounts(t.db);
    const eventsBefore = await auditCount(t.db);
    // The action is signed in the query: a header naming another one changes nothing, and a changed parameter breaks the signature.
    const params = new URLSearchParams(captured.search);
    params.set("SignatureNonce", "a-fresh-nonce-0001");
    expect(await send(t.db, { ...captured, search: params.toString() })).toMatchObject({ status: 401, body: { Code: "SignatureDoesNotMatch" } });
    expect(await send(t.db, captured)).toMatchObject({ status: 401, body: { Code: "SignatureNonceUsed" } });
    expect(await refusal(() => register(api.client(root.accessKeyId, "wrong-secret", "v2"), ids.initech!, "cloudfw.aliyuncs.com"))).toEqual({
      status: 401,
      code: "SignatureDoesNotMatch",
    });
    const old = new URLSearchParams(captured.search);
    old.set("Timestamp", new Date(Date.now() - 16 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"));
    old.set("SignatureNonce", "an-old-request-0001");
    old.delete("Signature");
    old.set("Signature", createHmac("sha1", `${root.secret}&`).update(v2StringToSign("POST", old)).digest("base64"));
    expect(await send(t.db, { ...captured, search: old.toString() })).toMatchObject({ status: 401, body: { Code: "InvalidTimeStamp.Expired" } });
    const listing = new URLSearchParams(old);
    listing.set("Action", "ListTrustedServiceStatus");
    listing.set("Timestamp", new Date().toISOString().replace(/\.\d{3}Z$/, "Z"));
    listing.set("SignatureNonce", "a-listing-request-0001");
    for (const name of ["AccountId", "ServicePrincipal", "Signature"]) listing.delete(name);
    listing.set("Signature", createHmac("sha1", `${root.secret}&`).update(v2StringToSign("POST", listing)).digest("base64"));
    const nul = new URLSearchParams(listing);
    nul.set("SignatureNonce", "\u0000-not-visible");
    nul.delete("Signature");
    nul.set("Signature", createHmac("sha1", `${root.secret}&`).update(v2StringToSign("POST", nul)).digest("base64"));
    expect(await send(t.db, { ...captured, search: nul.toString() })).toMatchObject({ status: 400, body: { Code: "InvalidParameter.SignatureNonce" } });
    const headers = { ...captured.headers, "x-acs-action": "RegisterDelegatedAdministrator" };
    expect(await send(t.db, { ...captured, headers, search: listing.toString() })).toMatchObject({ status: 200, body: { EnabledServicePrincipals: {} } });
    expect(withoutKeyUse(await tableCounts(t.db))).toEqual(withoutKeyUse(before));
    // The replayed nonce and the old date are recorded as refused; a signature that does not hold is not.
    expect(await auditCount(t.db)).toBe(eventsBefore + 2);
  });

  test("forged requests naming a real key write nothing, not even a refusal in its owner's name", async () => {
    const events = await auditCount(t.db);
    for (let i = 0; i < 5; i++) {
      expect(await refusal(() => register(api.client(root.accessKeyId, "not-the-secret"), ids.initech!, "cloudfw.aliyuncs.com"))).toMatchObject({
        code: "SignatureDoesNotMatch",
      });
    }
    expect(await auditCount(t.db)).toBe(events);
  });

  test("a malformed account id is an unknown account, not a server error", async () => {
    expect(await refusal(() => sdk.listDelegatedServicesForAccount(new RM.ListDelegatedServicesForAccountRequest({ accountId: "-".repeat(36) })))).toEqual({
      status: 404,
      code: "EntityNotExists.Account",
    });
  });

  test("a request without a signature, or signing too little, is refused before any key is looked at", async () => {
    expect(await send(t.db, { search: "", headers: { "x-acs-action": "ListTrustedServiceStatus" }, body: "" })).toMatchObject({
      status: 401,
      body: { Code: "IncompleteSignature" },
    });
    const partial = `ACS3-HMAC-SHA256 Credential=${root.accessKeyId},SignedHeaders=host,Signature=${"a".repeat(64)}`;
    expect(await send(t.db, { search: "", headers: { authorization: partial }, body: "" })).toMatchObject({
      status: 401,
      body: { Code: "IncompleteSignature" },
    });
  });
});
