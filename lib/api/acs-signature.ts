/**
 * Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256), as the official SDKs compute it:
 * a canonical request of the method, path, sorted query, signed headers and payload hash, hashed
 * and signed with the access key's secret. Pure functions, so the verifier is tested on its own.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const ACS3 = "ACS3-HMAC-SHA256";

export interface AcsAuthorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * `SCHEME Key=AK,SignedHeaders=a;b,Signature=hex` (both clouds write it so, with their own scheme and
 * name for the key), or null when it is not that.
 */
export function parseSignedAuthorization(header: string | null, scheme: string, keyField: string): AcsAuthorization | null {
  if (header === null || !header.startsWith(`${scheme} `) || header.length > 4096) return null;
  const parts = new Map(
    header
      .slice(scheme.length + 1)
      .split(",")
      .map((part) => {
        const at = part.indexOf("=");
        return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
      }),
  );
  const accessKeyId = parts.get(keyField);
  const signedHeaders = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature || !/^[0-9a-f]{64}$/.test(signature)) return null;
  const names = signedHeaders.split(";");
  if (names.some((n) => n === "" || n !== n.toLowerCase())) return null;
  return { accessKeyId, signedHeaders: names, signature };
}

/** `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`, or null when it is not that. */
export const parseAcsAuthorization = (header: string | null) => parseSignedAuthorization(header, ACS3, "Credential");

/** Alibaba's percent-encoding: RFC 3986 unreserved characters stay, everything else is escaped. */
export function acsEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The query's parameters, decoded once for both the signature and the action: a `+` is a plus, as
 * the signer encoded it (URLSearchParams alone would read it as a space).
 */
export const queryParams = (search: string) => new URLSearchParams(search.replace(/\+/g, "%2B"));

/** The query as the signer saw it: decoded from the wire, sorted by name, re-encoded. */
export function canonicalQuery(search: string): string {
  const pairs = [...queryParams(search).entries()].map(([k, v]) => [acsEncode(k), acsEncode(v)] as const);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

export interface SignedRequest {
  method: string;
  path: string;
  search: string;
  header: (name: string) => string | null;
  authorization: AcsAuthorization;
}

export function stringToSign(request: SignedRequest): string {
  const names = [...request.authorization.signedHeaders].sort();
  const headers = names.map((name) => `${name}:${(request.header(name) ?? "").trim()}\n`).join("");
  const canonical = [
    request.method.toUpperCase(),
    request.path || "/",
    canonicalQuery(request.search),
    headers,
    names.join(";"),
    request.header("x-acs-content-sha256") ?? "",
  ].join("\n");
  return `${ACS3}\n${createHash("sha256").update(canonical).digest("hex")}`;
}

export function signatureHolds(request: SignedRequest, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(stringToSign(request)).digest();
  const given = Buffer.from(request.authorization.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * V2 (HMAC-SHA1): "POST&%2F&" and the encoded, sorted parameters without the signature, keyed with
 * the secret and "&", in base64.
 */
export function v2StringToSign(method: string, params: URLSearchParams): string {
  const pairs = [...params.entries()].filter(([name]) => name !== "Signature").map(([k, v]) => [acsEncode(k), acsEncode(v)] as const);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return `${method.toUpperCase()}&${acsEncode("/")}&${acsEncode(pairs.map(([k, v]) => `${k}=${v}`).join("&"))}`;
}

export function v2SignatureHolds(method: string, params: URLSearchParams, secret: string): boolean {
  const expected = createHmac("sha1", `${secret}&`).update(v2StringToSign(method, params)).digest();
  const given = Buffer.from(params.get("Signature") ?? "", "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const sha256Hex = (body: string) => createHash("sha256").update(body).digest("hex");
