import type { NextRequest } from "next/server";
import { BINDING_COOKIE, clientFacts, federationCallbackUrl, refused, seeOther, setBindingCookie } from "@/app/_lib/federation";
import { getDb } from "@/db";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { bindingFor } from "@/lib/federation/attempts";
import { FederationRefusal, openIdClient } from "@/lib/federation/oidc";
import { beginFederatedSignIn } from "@/lib/federation/sign-in";

/**
 * The sign-in page's "Sign in with <provider>" links: opens an attempt and sends the browser to the
 * provider. A link, not a form: the console's CSP allows forms to post only to itself, and a form's
 * redirect to the provider would count as posting there.
 */
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const field = (name: string) => (query.get(name) ?? "").slice(0, 256);
  const accountName = field("account").trim();
  // Only from the console's own page (or typed in): another site may not start a sign-in into an account of its choosing.
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return refused("attempt", accountName);
  const binding = bindingFor(request.cookies.get(BINDING_COOKIE)?.value);
  try {
    const to = await beginFederatedSignIn(await getDb(), openIdClient, {
      accountName,
      providerId: field("provider"),
      binding,
      redirectUri: federationCallbackUrl(request.headers),
      // Only a path of this console, so a crafted link cannot send a fresh session elsewhere.
      returnTo: safeCallbackPath(field("callbackUrl"), request.nextUrl.origin),
      client: clientFacts(request.headers),
    });
    const response = seeOther(to.toString());
    setBindingCookie(response, binding);
    return response;
  } catch (error) {
    if (!(error instanceof FederationRefusal)) throw error;
    return refused(error.reason, accountName);
  }
}
