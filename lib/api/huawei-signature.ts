/**
 * Huawei Cloud's request signature (SDK-HMAC-SHA256), as the official SDKs compute it: a canonical
 * request of the method, the path with each raw segment encoded, the decoded and re-encoded sorted
 * query, the signed headers and the payload hash, hashed and signed with the secret together with
 * the `X-Sdk-Date`. Pure functions, so the verifier is tested on its own.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { type AcsAuthorization, acsEncode, parseSignedAuthorization, sha256Hex } from "@/lib/api/acs-signature";

export const SDK_HMAC = "SDK-HMAC-SHA256";

export type HuaweiAuthorization = AcsAuthorization;

/** `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`, or null when it is not that. */
export const parseHuaweiAuthorization = (header: string | null) => parseSignedAuthorization(header, SDK_HMAC, "Access");

/** Each raw segment encoded again (the SDK encodes the already-encoded path), always ending in "/". */
export function canonicalUri(rawPath: string): string {
  const encoded = rawPath.split("/").map(acsEncode).join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The query as the SDK saw it before sending: decoded parameters, names sorted, a name's values sorted. */
export function canonicalHuaweiQuery(search: string): string {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(search)) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  return [...grouped.keys()]
    .sort(byCodeUnit)
    .flatMap((name) =>
      grouped
        .get(name)!
        .sort(byCodeUnit)
        .map((value) => `${acsEncode(name)}=${acsEncode(value)}`),
    )
    .join("&");
}

export interface HuaweiSignedRequest {
  method: string;
  /** The path as it arrived, still percent-encoded. */
  rawPath: string;
  search: string;
  header: (name: string) => string | null;
  body: string;
  authorization: HuaweiAuthorization;
}

export function huaweiStringToSign(request: HuaweiSignedRequest): string {
  const names = [...request.authorization.signedHeaders].sort(byCodeUnit);
  const headers = names.map((name) => `${name}:${(request.header(name) ?? "").trim()}\n`).join("");
  const canonical = [
    request.method.toUpperCase(),
    canonicalUri(request.rawPath),
    canonicalHuaweiQuery(request.search),
    headers,
    names.join(";"),
    // The payload is always hashed here: a signer's "UNSIGNED-PAYLOAD" would leave the body open to change.
    sha256Hex(request.body),
  ].join("\n");
  return `${SDK_HMAC}\n${request.header("x-sdk-date") ?? ""}\n${createHash("sha256").update(canonical).digest("hex")}`;
}

export function huaweiSignatureHolds(request: HuaweiSignedRequest, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(huaweiStringToSign(request)).digest();
  const given = Buffer.from(request.authorization.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `20261128T094644Z` as a time, or NaN. */
export function parseSdkDate(value: string | null): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (match === null) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}
