/**
 * The export writes an audit event and hands out the trail, so another site must not be able to
 * trigger it with the signed-in user's cookies (a cross-site form post or navigation). Browsers
 * mark such requests with Sec-Fetch-Site and Origin; a request without either (a script or curl,
 * which holds the cookie itself) cannot be forged by a page and is let through.
 */
export function crossSiteReason(headers: Headers): string | null {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return `the request came from another site (Sec-Fetch-Site: ${site})`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" and malformed origins name no site at all.
  }
  return originHost !== null && originHost === host ? null : "the request came from another origin";
}
