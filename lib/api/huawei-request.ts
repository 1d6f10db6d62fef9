/**
 * One Huawei Cloud API request, from the wire to the answer. A request is signed with an access
 * key (SDK-HMAC-SHA256; a temporary key also carries its signed `X-Security-Token`) or carries an
 * `X-Auth-Token` from `POST /v3/auth/tokens`. The signature, the key, the date and (for anything
 * that changes state) a replay of the same signature are checked before anything is read or
 * written; then the route runs as the key's principal, or as the agency a credential switched into.
 * Framework-free, so tests drive it with the real SDK directly.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { CLOCK_SKEW_MS, firstUseOfNonce, keyHolder, markKeyUsed } from "@/lib/api/access-key-auth";
import {
  checkRoleCall,
  createAgencyCall,
  deleteAgencyCall,
  grantRoleCall,
  listAgenciesCall,
  listRolesCall,
  ownDomain,
  type RolePlace,
  revokeRoleCall,
  showAgencyCall,
  updateAgencyCall,
} from "@/lib/api/huawei-agencies";
import { badRequest, forbidden, HuaweiError, huaweiErrorOf, notFound, unauthorized } from "@/lib/api/huawei-errors";
import { createSecurityTokenCall, createTokenCall, listServersCall } from "@/lib/api/huawei-sessions";
import { parseHuaweiAuthorization, huaweiSignatureHolds, parseSdkDate } from "@/lib/api/huawei-signature";
import { callerForToken, temporaryKey, tokenHash } from "@/lib/api/role-credentials";
import { takeToken } from "@/lib/api/throttle";
import type { PolicyAction } from "@/lib/authz/action-catalogue";
import { auditDenied } from "@/lib/authz/authorize";
import type { Caller } from "@/lib/caller";

export interface HuaweiHttpRequest {
  method: string;
  /** The path as it arrived, still percent-encoded (the signature covers it so). */
  rawPath: string;
  search: string;
  header(name: string): string | null;
  body: string;
}

export interface HuaweiAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface Route {
  /** The policy action the call is decided as: a refused request is recorded under it. */
  action: PolicyAction;
  run(db: Db, caller: Caller, json: unknown, query: URLSearchParams): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>;
}

const ok = (body: unknown) => ({ status: 200, body });
const created = (body: unknown) => ({ status: 201, body });

/** A call that answers nothing but "done". */
const done = async (call: Promise<unknown>) => {
  await call;
  return { status: 204 };
};

/** Permissions of an agency in one place: GET lists, PUT grants, HEAD checks, DELETE revokes. */
function roleRoutes(method: string, domainOrProject: string, place: RolePlace, agencyId: string, roleId: string | undefined): Route | null {
  // A project is a region here; a domain must be the account acted in.
  const inPlace = (caller: Caller) => {
    if (place.kind !== "regions") ownDomain(caller, domainOrProject);
  };
  const route = (action: PolicyAction, call: (db: Db, caller: Caller) => Promise<{ status: number; body?: unknown }>): Route => ({
    action,
    run: async (db, caller) => {
      inPlace(caller);
      return call(db, caller);
    },
  });
  if (roleId === undefined) return method === "GET" ? route("iam:agencies:get", async (db, c) => ok(await listRolesCall(db, c, agencyId, place))) : null;
  switch (method) {
    case "PUT":
      return route("iam:agencies:update", (db, c) => done(grantRoleCall(db, c, agencyId, roleId, place)));
    case "DELETE":
      return route("iam:agencies:update", (db, c) => done(revokeRoleCall(db, c, agencyId, roleId, place)));
    case "HEAD":
      return route("iam:agencies:get", (db, c) => done(checkRoleCall(db, c, agencyId, roleId, place)));
    default:
      return null;
  }
}

/** The route for a method and path, or null. Path parameters are decoded once, here. */
export function routeOf(method: string, rawPath: string): Route | null {
  let segments: string[];
  try {
    segments = rawPath.split("/").slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
  const path = segments.join("/");
  const [a, b, c, d, e, f, g, h, i] = segments;
  if (path === "v3/auth/tokens" && method === "POST") {
    return {
      action: "iam:agencies:assume",
      run: async (db, caller, json) => {
        const issued = await createTokenCall(db, caller, json);
        return { status: 201, body: issued.body, headers: { "x-subject-token": issued.token } };
      },
    };
  }
  if (path === "v3.0/OS-CREDENTIAL/securitytokens" && method === "POST") {
    return { action: "iam:agencies:assume", run: async (db, caller, json) => created(await createSecurityTokenCall(db, caller, json)) };
  }
  if (a === "v1" && c === "cloudservers" && d === "detail" && segments.length === 4 && method === "GET") {
    return { action: "ecs:instances:list", run: async (db, caller) => ok(await listServersCall(db, caller, b!)) };
  }
  if (a === "v3.0" && b === "OS-AGENCY" && c === "agencies") {
    if (segments.length === 3) {
      if (method === "POST") return { action: "iam:agencies:create", run: async (db, caller, json) => created(await createAgencyCall(db, caller, json)) };
      if (method === "GET") return { action: "iam:agencies:list", run: async (db, caller, _json, query) => ok(await listAgenciesCall(db, caller, query)) };
    }
    if (segments.length === 4) {
      if (method === "GET") return { action: "iam:agencies:get", run: async (db, caller) => ok(await showAgencyCall(db, caller, d!)) };
      if (method === "PUT") return { action: "iam:agencies:update", run: async (db, caller, json) => ok(await updateAgencyCall(db, caller, d!, json)) };
      if (method === "DELETE") return { action: "iam:agencies:delete", run: (db, caller) => done(deleteAgencyCall(db, caller, d!)) };
    }
    return null;
  }
  // /v3.0/OS-AGENCY/{domains|projects}/{id}/agencies/{agency_id}/roles[/{role_id}]
  if (a === "v3.0" && b === "OS-AGENCY" && (c === "domains" || c === "projects") && e === "agencies" && g === "roles" && segments.length <= 8) {
    const place: RolePlace = c === "domains" ? { kind: "global" } : { kind: "regions", region: d! };
    return roleRoutes(method, d!, place, f!, h);
  }
  // /v3.0/OS-INHERIT/domains/{d}/agencies/{a}/roles[/{role_id}]/inherited_to_projects
  if (a === "v3.0" && b === "OS-INHERIT" && c === "domains" && e === "agencies" && g === "roles") {
    if (segments.length === 8 && h === "inherited_to_projects") return roleRoutes(method, d!, { kind: "all" }, f!, undefined);
    if (segments.length === 9 && i === "inherited_to_projects") return roleRoutes(method, d!, { kind: "all" }, f!, h);
  }
  return null;
}

const SAFE = new Set(["GET", "HEAD"]);

/** An error no rule expected: logged for the operator, answered in the vendor's shape without its details. */
function internalError(error: unknown, requestId: string): HuaweiError {
  console.error(`API request ${requestId} failed:`, error);
  return new HuaweiError(500, "IAM.0005", `The server could not complete the request (request ID ${requestId}).`);
}

/** Query strings past this are refused before any signature work (thousands of parameters cost real CPU). */
const MAX_QUERY = 4096;

export async function handleHuaweiRequest(db: Db, request: HuaweiHttpRequest): Promise<HuaweiAnswer> {
  const requestId = randomUUID().replace(/-/g, "");
  const headers = { "x-request-id": requestId, "cache-control": "no-store" };
  try {
    const answer = await authenticatedAnswer(db, request);
    return { status: answer.status, body: answer.body ?? null, headers: { ...headers, ...answer.headers } };
  } catch (error) {
    const e = huaweiErrorOf(error) ?? internalError(error, requestId);
    return { status: e.status, body: { error_code: e.code, error_msg: e.message, request_id: requestId }, headers };
  }
}

async function authenticatedAnswer(db: Db, request: HuaweiHttpRequest) {
  if (request.search.length > MAX_QUERY) throw badRequest(`The query string must be at most ${MAX_QUERY} characters.`);
  const caller = await authenticate(db, request);
  const route = routeOf(request.method, request.rawPath);
  if (route === null) throw notFound(`${request.method.slice(0, 10)} ${request.rawPath.slice(0, 100)} is not an API of Mandate.`);
  let json: unknown = null;
  if (request.body !== "") {
    try {
      json = JSON.parse(request.body);
    } catch {
      throw badRequest("The body is not valid JSON.");
    }
  }
  return route.run(db, caller, json, new URLSearchParams(request.search));
}

async function authenticate(db: Db, request: HuaweiHttpRequest): Promise<Caller> {
  const authorizationHeader = request.header("authorization");
  const authToken = request.header("x-auth-token");
  if (authorizationHeader === null && authToken !== null) {
    const checked = await callerForToken(db, authToken);
    if (!checked.ok) throw unauthorized(checked.reason);
    if (!(await takeToken(db, `token:${tokenHash(authToken)}`))) throw new HuaweiError(429, "APIGW.0308", "Too many requests with this token; slow down.");
    if (request.header("x-domain-id") !== null && request.header("x-domain-id") !== checked.caller.accountId) {
      throw forbidden("X-Domain-Id is not the account the credential acts in.");
    }
    return checked.caller;
  }
  const authorization = parseHuaweiAuthorization(authorizationHeader);
  if (authorization === null) throw unauthorized("Sign the request with SDK-HMAC-SHA256, or send an X-Auth-Token.");
  const signed = new Set(authorization.signedHeaders);
  // Headers that change who or where the request acts must be signed when they are sent at all.
  const mustSign = ["host", "x-sdk-date", ...["x-domain-id", "x-project-id", "x-security-token"].filter((h) => request.header(h) !== null)];
  const unsigned = mustSign.filter((h) => !signed.has(h));
  if (unsigned.length > 0) throw unauthorized(`Sign the headers ${unsigned.join(", ")}.`);

  const permanent = await keyHolder(db, authorization.accessKeyId, "huawei");
  const temporary = permanent.found ? null : await temporaryKey(db, authorization.accessKeyId);
  const secret = permanent.found ? permanent.secret : temporary?.found ? temporary.secret : null;
  if (secret === null) throw unauthorized("The access key does not exist.");
  // Not recorded: anyone can name a key id, so a forged request writes nothing and blames no one.
  if (!huaweiSignatureHolds({ ...request, authorization }, secret)) throw unauthorized("The request signature does not match.");
  if (!(await takeToken(db, authorization.accessKeyId))) throw new HuaweiError(429, "APIGW.0308", "Too many requests with this access key; slow down.");

  const deny = async (error: HuaweiError, caller: Caller) => {
    const route = routeOf(request.method, request.rawPath);
    if (route !== null)
      await auditDenied(db, caller, { action: route.action, resource: "*", target: `API ${request.method} ${request.rawPath}` }, error.message);
    return error;
  };
  let caller: Caller;
  if (permanent.found) {
    caller = permanent.caller;
    if (!permanent.active) throw await deny(forbidden("The access key is inactive."), caller);
  } else {
    const key = temporary as Extract<typeof temporary, { found: true }>;
    const securityToken = request.header("x-security-token");
    if (securityToken === null || tokenHash(securityToken) !== key.tokenHash) throw unauthorized("A temporary access key needs its X-Security-Token.");
    const checked = await key.check();
    if (!checked.ok) throw unauthorized(checked.reason);
    caller = checked.caller;
  }
  // The date first: a captured request is worth nothing once it is 15 minutes old, repeated or not.
  const date = parseSdkDate(request.header("x-sdk-date"));
  if (Number.isNaN(date) || Math.abs(Date.now() - date) > CLOCK_SKEW_MS) {
    throw await deny(unauthorized("The request date (X-Sdk-Date) is more than 15 minutes from the server's time."), caller);
  }
  // Huawei's signature has no nonce, and a server cannot tell a captured request sent again from the
  // same request repeated within its one-second date: a changing one is run once and refused after,
  // so a grant replayed after its revocation grants nothing and a token request mints nothing more.
  if (!SAFE.has(request.method.toUpperCase()) && !(await firstUseOfNonce(db, authorization.accessKeyId, `signature:${authorization.signature}`))) {
    throw await deny(
      unauthorized("This signed request has already been received; a request that changes something runs once. Sign it again to repeat it."),
      caller,
    );
  }
  const domainId = request.header("x-domain-id");
  if (domainId !== null && domainId !== caller.accountId) throw await deny(forbidden("X-Domain-Id is not the account the credential acts in."), caller);
  if (permanent.found) await markKeyUsed(db, authorization.accessKeyId);
  return caller;
}
