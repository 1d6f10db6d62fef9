/**
 * One Alibaba Cloud API request, from the wire to the answer: the V3 signature, the access key, the
 * date, the payload hash and the nonce are checked before anything is read or written; then the
 * action runs as the key's principal. Framework-free, so tests drive it with the real SDK directly.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { CLOCK_SKEW_MS, firstUseOfNonce, keyHolder, markKeyUsed } from "@/lib/api/access-key-auth";
import { parseAcsAuthorization, sha256Hex, signatureHolds } from "@/lib/api/acs-signature";
import { AcsError, acsErrorOf, aliyunActions, runAliyunAction } from "@/lib/api/aliyun-rd";
import { takeToken } from "@/lib/api/throttle";
import { auditDenied } from "@/lib/authz/authorize";

export interface AcsHttpRequest {
  method: string;
  /** The path the client signed (the API answers at `/`). */
  path: string;
  search: string;
  header(name: string): string | null;
  body: string;
}

export interface AcsAnswer {
  status: number;
  body: Record<string, unknown>;
}

const VERSION = "2020-03-31";
const REQUIRED_SIGNED = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

export async function handleAcsRequest(db: Db, request: AcsHttpRequest): Promise<AcsAnswer> {
  const requestId = randomUUID().toUpperCase();
  try {
    const body = await answer(db, request);
    return { status: 200, body: { RequestId: requestId, ...body } };
  } catch (error) {
    const e = acsErrorOf(error);
    return { status: e.status, body: { RequestId: requestId, HostId: request.header("host") ?? "", Code: e.code, Message: e.message, Recommend: "" } };
  }
}

async function answer(db: Db, request: AcsHttpRequest): Promise<Record<string, unknown>> {
  const authorization = parseAcsAuthorization(request.header("authorization"));
  if (authorization === null || REQUIRED_SIGNED.some((h) => !authorization.signedHeaders.includes(h))) {
    throw new AcsError(401, "IncompleteSignature", `Sign the request with ACS3-HMAC-SHA256 over at least ${REQUIRED_SIGNED.join(";")}.`);
  }
  const action = request.header("x-acs-action") ?? "";
  const holder = await keyHolder(db, authorization.accessKeyId, "aliyun");
  if (!holder.found) throw new AcsError(401, "InvalidAccessKeyId.NotFound", "The access key does not exist.");
  const deny = async (error: AcsError) => {
    // Someone holding the key's id tried: the key's own account sees the attempt.
    const policyAction = aliyunActions[action];
    if (policyAction !== undefined) {
      await auditDenied(db, holder.caller, { action: policyAction, resource: "*", target: `API ${action}` }, `${error.code}: ${error.message}`);
    }
    return error;
  };
  if (!signatureHolds({ ...request, authorization }, holder.secret)) {
    throw await deny(new AcsError(401, "SignatureDoesNotMatch", "The request signature does not match."));
  }
  if (!holder.active) throw await deny(new AcsError(403, "InvalidAccessKeyId.Inactive", "The access key is inactive."));
  const date = Date.parse(request.header("x-acs-date") ?? "");
  if (Number.isNaN(date) || Math.abs(Date.now() - date) > CLOCK_SKEW_MS) {
    throw await deny(new AcsError(401, "InvalidTimeStamp.Expired", "The request date is more than 15 minutes from the server's time."));
  }
  if (request.header("x-acs-content-sha256") !== sha256Hex(request.body)) {
    throw await deny(new AcsError(401, "ContentSHA256NotMatched", "The body does not match x-acs-content-sha256."));
  }
  const nonce = request.header("x-acs-signature-nonce") ?? "";
  if (nonce.length < 8 || nonce.length > 128 || !(await firstUseOfNonce(db, authorization.accessKeyId, nonce))) {
    throw await deny(new AcsError(401, "SignatureNonceUsed", "The signature nonce has been used."));
  }
  if (!takeToken(authorization.accessKeyId)) throw new AcsError(429, "Throttling.User", "Too many requests with this access key; slow down.");
  if (request.header("x-acs-version") !== VERSION) throw new AcsError(400, "InvalidVersion", `Only version ${VERSION} is supported.`);
  await markKeyUsed(db, authorization.accessKeyId);
  return runAliyunAction(db, holder.caller, action, new URLSearchParams(request.search));
}
