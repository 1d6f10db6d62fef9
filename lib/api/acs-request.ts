/**
 * One Alibaba Cloud API request, from the wire to the answer: the signature (V3, or V2 in the query),
 * the access key, the date, the payload hash and the nonce are checked before anything is read or written; then the
 * action runs as the key's principal. Framework-free, so tests drive it with the real SDK directly.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { CLOCK_SKEW_MS, firstUseOfNonce, keyHolder, markKeyUsed } from "@/lib/api/access-key-auth";
import { parseAcsAuthorization, queryParams, sha256Hex, signatureHolds, v2SignatureHolds } from "@/lib/api/acs-signature";
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
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const REQUIRED_SIGNED = ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

/** An error no rule expected: logged for the operator, answered in the vendor's shape without its details. */
function internalError(error: unknown, requestId: string): AcsError {
  console.error(`API request ${requestId} failed:`, error);
  return new AcsError(500, "InternalError", `The server could not complete the request (RequestId ${requestId}).`);
}

/** Query strings past this are refused before any signature work (thousands of parameters cost real CPU). */
const MAX_QUERY = 4096;

export async function handleAcsRequest(db: Db, request: AcsHttpRequest): Promise<AcsAnswer> {
  const requestId = randomUUID().toUpperCase();
  try {
    const body = await answer(db, request);
    return { status: 200, body: { RequestId: requestId, ...body } };
  } catch (error) {
    const e = acsErrorOf(error) ?? internalError(error, requestId);
    return { status: e.status, body: { RequestId: requestId, HostId: request.header("host") ?? "", Code: e.code, Message: e.message, Recommend: "" } };
  }
}

/** What a request's signature vouches for, however it was signed. */
interface Signed {
  accessKeyId: string;
  action: string;
  version: string | null;
  nonce: string;
  date: string;
  params: URLSearchParams;
  /** The signature checked against the key's secret. */
  holds(secret: string): boolean;
  /** A check only V3 has: the body against its signed hash. */
  bodyMatches(): boolean;
}

/** V3 (ACS3-HMAC-SHA256 in the Authorization header; the SDKs' default). */
function signedV3(request: AcsHttpRequest): Signed {
  const authorization = parseAcsAuthorization(request.header("authorization"));
  if (authorization === null || REQUIRED_SIGNED.some((h) => !authorization.signedHeaders.includes(h))) {
    throw new AcsError(401, "IncompleteSignature", `Sign the request with ACS3-HMAC-SHA256 over at least ${REQUIRED_SIGNED.join(";")}.`);
  }
  return {
    accessKeyId: authorization.accessKeyId,
    action: request.header("x-acs-action") ?? "",
    version: request.header("x-acs-version"),
    nonce: request.header("x-acs-signature-nonce") ?? "",
    date: request.header("x-acs-date") ?? "",
    params: queryParams(request.search),
    holds: (secret) => signatureHolds({ ...request, authorization }, secret),
    bodyMatches: () => request.header("x-acs-content-sha256") === sha256Hex(request.body),
  };
}

/** V2 (HMAC-SHA1 over the parameters, in the query): every parameter, the action among them, is signed; headers are not. */
function signedV2(request: AcsHttpRequest): Signed {
  const params = queryParams(request.search);
  if (params.get("SignatureMethod") !== "HMAC-SHA1" || params.get("SignatureVersion") !== "1.0" || !params.get("Signature") || !params.get("AccessKeyId")) {
    throw new AcsError(401, "IncompleteSignature", "Sign the request with ACS3-HMAC-SHA256, or with HMAC-SHA1 (SignatureVersion 1.0) in the query.");
  }
  // A form body (the SDKs send none for these actions) is signed with the query.
  const form = (request.header("content-type") ?? "").startsWith("application/x-www-form-urlencoded") ? queryParams(request.body) : new URLSearchParams();
  if (request.body !== "" && [...form.keys()].length === 0)
    throw new AcsError(400, "InvalidParameter.Body", "A V2 request carries its parameters in the query.");
  for (const [name, value] of form) params.append(name, value);
  return {
    accessKeyId: params.get("AccessKeyId")!,
    action: params.get("Action") ?? "",
    version: params.get("Version"),
    nonce: params.get("SignatureNonce") ?? "",
    date: params.get("Timestamp") ?? "",
    params,
    holds: (secret) => v2SignatureHolds(request.method, params, secret),
    bodyMatches: () => true,
  };
}

async function answer(db: Db, request: AcsHttpRequest): Promise<Record<string, unknown>> {
  if (request.search.length > MAX_QUERY) throw new AcsError(400, "InvalidParameter.Query", `The query string must be at most ${MAX_QUERY} characters.`);
  const signed = request.header("authorization") === null && request.search.includes("Signature=") ? signedV2(request) : signedV3(request);
  const { accessKeyId, action } = signed;
  const holder = await keyHolder(db, accessKeyId, "aliyun");
  if (!holder.found) throw new AcsError(401, "InvalidAccessKeyId.NotFound", "The access key does not exist.");
  // Not recorded: nothing shows the key's holder sent it, and anyone can name a key id (so a flood of
  // forged requests writes nothing and blames no one).
  if (!signed.holds(holder.secret)) throw new AcsError(401, "SignatureDoesNotMatch", "The request signature does not match.");
  if (!(await takeToken(db, accessKeyId))) throw new AcsError(429, "Throttling.User", "Too many requests with this access key; slow down.");
  const deny = async (error: AcsError) => {
    // Signed with the key's secret, so its account sees the refused attempt (a replay among them).
    const policyAction = aliyunActions[action];
    if (policyAction !== undefined) {
      await auditDenied(db, holder.caller, { action: policyAction, resource: "*", target: `API ${action}` }, `${error.code}: ${error.message}`);
    }
    return error;
  };
  // The nonce is spent first, so a request refused for any reason below cannot be sent again later.
  const { nonce } = signed;
  if (!/^[\x21-\x7e]{8,128}$/.test(nonce)) {
    throw new AcsError(400, "InvalidParameter.SignatureNonce", "The signature nonce must be 8 to 128 visible ASCII characters.");
  }
  if (!(await firstUseOfNonce(db, accessKeyId, nonce))) {
    throw await deny(new AcsError(401, "SignatureNonceUsed", "The signature nonce has been used."));
  }
  if (!holder.active) throw await deny(new AcsError(403, "InvalidAccessKeyId.Inactive", "The access key is inactive."));
  const date = ISO_DATE.test(signed.date) ? Date.parse(signed.date) : Number.NaN;
  if (Number.isNaN(date) || Math.abs(Date.now() - date) > CLOCK_SKEW_MS) {
    throw await deny(new AcsError(401, "InvalidTimeStamp.Expired", "The request date is more than 15 minutes from the server's time."));
  }
  if (!signed.bodyMatches()) throw await deny(new AcsError(401, "ContentSHA256NotMatched", "The body does not match x-acs-content-sha256."));
  if (signed.version !== VERSION) throw new AcsError(400, "InvalidVersion", `Only version ${VERSION} is supported.`);
  await markKeyUsed(db, accessKeyId);
  return runAliyunAction(db, holder.caller, action, signed.params);
}
