import type { NextRequest } from "next/server";
import { BINDING_COOKIE, clientFacts, federationCallbackUrl, refused, seeOther, setBindingCookie } from "@/app/_lib/federation";
import { getDb } from "@/db";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { bindingFor } from "@/lib/federation/attempts";
import { FederationRefusal, openIdClient } from "@/lib/federation/oidc";
import { beginFederatedSignIn } from "@/lib/federation/sign-in";

/** The sign-in page's "Sign in with <provider>" form: opens an attempt and sends the browser to the provider. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const field = (name: string) => String(form?.get(name) ?? "").slice(0, 256);
  const accountName = field("account").trim();
  const binding = bindingFor(request.cookies.get(BINDING_COOKIE)?.value);
  try {
    const to = await beginFederatedSignIn(await getDb(), openIdClient, {
      accountName,
      providerId: field("provider"),
      binding,
      redirectUri: federationCallbackUrl(request.headers),
      // Only a path of this console, so a crafted form cannot send a fresh session elsewhere.
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
