import type { NextRequest } from "next/server";
import { BINDING_COOKIE, clientFacts, refused, seeOther, setSessionCookie } from "@/app/_lib/federation";
import { getDb } from "@/db";
import { FederationRefusal, openIdClient } from "@/lib/federation/oidc";
import { AccountRefusal, completeFederatedSignIn } from "@/lib/federation/sign-in";

/** Where identity providers send people back (the redirect URL administrators register). */
export async function GET(request: NextRequest) {
  try {
    const signedIn = await completeFederatedSignIn(await getDb(), openIdClient, {
      callbackUrl: request.nextUrl,
      binding: request.cookies.get(BINDING_COOKIE)?.value,
      client: clientFacts(request.headers),
    });
    const response = seeOther(signedIn.returnTo);
    await setSessionCookie(response, signedIn);
    return response;
  } catch (error) {
    if (error instanceof AccountRefusal) return refused(error.reason, error.accountName);
    if (error instanceof FederationRefusal) return refused(error.reason);
    console.error("federated sign-in failed", error);
    return refused("failed");
  }
}
