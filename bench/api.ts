/**
 * The two APIs: what checking a signature costs on its own (Alibaba's ACS3-HMAC-SHA256, Huawei's
 * SDK-HMAC-SHA256), and signed ListDelegatedAdministrators and ListAgencies requests end to end
 * (signature, key, nonce, engine, read) per second. Keys of many users are used in turn, so the
 * per-key throttle is not what is measured.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { DbHandle } from "@/db/client";
import { createUserAccessKey } from "@/lib/access-keys/access-keys";
import { handleAcsRequest } from "@/lib/api/acs-request";
import { type AcsAuthorization, sha256Hex, signatureHolds, stringToSign } from "@/lib/api/acs-signature";
import { handleHuaweiRequest } from "@/lib/api/huawei-request";
import { type HuaweiAuthorization, huaweiSignatureHolds, huaweiStringToSign } from "@/lib/api/huawei-signature";
import { addUserToGroup, createGroup, grantPolicyToGroup } from "@/lib/iam/groups";
import { createUser } from "@/lib/iam/users";
import { callerFor } from "../tests/helpers/db";
import { report, time } from "./harness";

const KEYS = 50;

function signed(key: { accessKeyId: string; secret: string }, action: string, search: string) {
  const headers: Record<string, string> = {
    host: "localhost",
    "x-acs-action": action,
    "x-acs-version": "2020-03-31",
    "x-acs-date": new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-acs-signature-nonce": randomUUID(),
    "x-acs-content-sha256": sha256Hex(""),
  };
  const signedHeaders = Object.keys(headers).sort();
  const unsigned: AcsAuthorization = { accessKeyId: key.accessKeyId, signedHeaders, signature: "" };
  const header = (n: string) => headers[n] ?? null;
  const signature = createHmac("sha256", key.secret)
    .update(stringToSign({ method: "POST", path: "/", search, header, authorization: unsigned }))
    .digest("hex");
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${key.accessKeyId},SignedHeaders=${signedHeaders.join(";")},Signature=${signature}`;
  return { method: "POST", path: "/", search, header, body: "", authorization: { ...unsigned, signature } };
}

function signedHuawei(key: { accessKeyId: string; secret: string }, domainId: string) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    host: "localhost",
    "x-domain-id": domainId,
    "x-sdk-date": `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`,
  };
  const request = { method: "GET", rawPath: "/v3.0/OS-AGENCY/agencies", search: `domain_id=${domainId}`, header: (n: string) => headers[n] ?? null, body: "" };
  const unsigned: HuaweiAuthorization = { accessKeyId: key.accessKeyId, signedHeaders: Object.keys(headers), signature: "" };
  const signature = createHmac("sha256", key.secret)
    .update(huaweiStringToSign({ ...request, authorization: unsigned }))
    .digest("hex");
  headers.authorization = `SDK-HMAC-SHA256 Access=${key.accessKeyId}, SignedHeaders=${unsigned.signedHeaders.join(";")}, Signature=${signature}`;
  return { ...request, authorization: { ...unsigned, signature } };
}

export async function benchApi(handle: DbHandle, label: string) {
  const { db } = handle;
  const acme = await callerFor(db, "acme");
  const { policies } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [readRd] = await db.select().from(policies).where(eq(policies.name, "Tenant Guest"));
  const group = await createGroup(db, acme, { name: "bench-api", description: "" });
  await grantPolicyToGroup(db, acme, { groupId: group.id, policyId: readRd!.id, scopeKind: "all" });
  const [readIam] = await db.select().from(policies).where(eq(policies.name, "IAM ReadOnlyAccess"));
  await grantPolicyToGroup(db, acme, { groupId: group.id, policyId: readIam!.id, scopeKind: "global" });
  const keys: { accessKeyId: string; secret: string }[] = [];
  for (let i = 0; i < KEYS; i++) {
    const user = await createUser(db, acme, { name: `bench-api-${i}`, password: "Str0ng-pass", confirmPassword: "Str0ng-pass" });
    await addUserToGroup(db, acme, { groupId: group.id, userId: user.id });
    keys.push(await createUserAccessKey(db, acme, { userId: user.id }));
  }
  const sample = signed(keys[0]!, "ListDelegatedAdministrators", "PageNumber=1&PageSize=10");
  const runs = 20_000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) signatureHolds(sample, keys[0]!.secret);
  const verifyUs = ((performance.now() - start) * 1000) / runs;
  console.log(`\nAPI signature check (${label}): ${verifyUs.toFixed(1)} µs per ACS3-HMAC-SHA256 verification`);

  let failures = 0;
  const timing = await time("signed ListDelegatedAdministrators", 500, async (i) => {
    const answer = await handleAcsRequest(db, signed(keys[(i + KEYS) % KEYS]!, "ListDelegatedAdministrators", "PageNumber=1&PageSize=10"));
    if (answer.status !== 200) failures++;
  });
  report(`Alibaba API, one request at a time (${label}); ${(1000 / timing.medianMs).toFixed(0)} requests per second at the median`, [timing]);

  const huaweiSample = signedHuawei(keys[0]!, acme.accountId);
  const hwStart = performance.now();
  for (let i = 0; i < runs; i++) huaweiSignatureHolds(huaweiSample, keys[0]!.secret);
  const hwVerifyUs = ((performance.now() - hwStart) * 1000) / runs;
  console.log(`\nAPI signature check (${label}): ${hwVerifyUs.toFixed(1)} µs per SDK-HMAC-SHA256 verification`);
  const agencies = await time("signed ListAgencies", 500, async (i) => {
    const answer = await handleHuaweiRequest(db, signedHuawei(keys[(i + KEYS) % KEYS]!, acme.accountId));
    if (answer.status !== 200) failures++;
  });
  report(`Huawei API, one request at a time (${label}); ${(1000 / agencies.medianMs).toFixed(0)} requests per second at the median`, [agencies]);
  if (failures > 0) console.log(`${failures} requests were refused: the figures above are not valid.`);
}
