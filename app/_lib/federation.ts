import "server-only";
import { encode } from "next-auth/jwt";
import { NextResponse } from "next/server";
import { cookieFlags } from "@/app/_lib/role-cookie";
import { requestAddress } from "@/lib/auth/client-address";
import { authSecret } from "@/lib/auth/secret";
import { SIGN_IN_MAX_AGE_MS } from "@/lib/auth/sign-ins";
import { env } from "@/lib/env";
import { ATTEMPT_TTL_MS } from "@/lib/federation/attempts";
import type { RefusalReason } from "@/lib/federation/oidc";
import type { ClientFacts } from "@/lib/federation/sign-in";
import { FEDERATION_CALLBACK_PATH } from "@/lib/federation/paths";

/** Binds a federated sign-in to the browser that started it (lib/federation/attempts.ts). */
export const BINDING_COOKIE = "mandate.federation";
export const FEDERATED_SIGN_IN_PATH = "/sign-in/federated";

/** Where the provider sends people back: the console's public address when it is set, this request's otherwise. */
export function federationCallbackUrl(headers: Headers): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(FEDERATION_CALLBACK_PATH, configured).toString();
  const host = headers.get("host") ?? "localhost";
  const scheme = headers.get("x-forwarded-proto") === "https" || !/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? "https" : "http";
  return `${scheme}://${host}${FEDERATION_CALLBACK_PATH}`;
}

export function clientFacts(headers: Headers): ClientFacts {
  return { address: requestAddress(Object.fromEntries(headers), env().MANDATE_TRUSTED_PROXIES), userAgent: headers.get("user-agent") ?? "" };
}

export function setBindingCookie(response: NextResponse, binding: string): void {
  response.cookies.set(BINDING_COOKIE, binding, { ...cookieFlags(), path: "/api/federation", maxAge: ATTEMPT_TTL_MS / 1000 });
}

/** The session cookie next-auth itself would have set for this sign-in, so every page reads it as usual. */
export async function setSessionCookie(response: NextResponse, session: { accountId: string; userId: string; loginId: string; name: string }): Promise<void> {
  const maxAge = SIGN_IN_MAX_AGE_MS / 1000;
  const token = await encode({
    secret: authSecret(),
    maxAge,
    token: { sub: session.userId, name: session.name, accountId: session.accountId, userId: session.userId, loginId: session.loginId },
  });
  // next-auth's own name for it (core/lib/cookie.js): with the __Secure- prefix when its cookies are Secure.
  const flags = cookieFlags();
  response.cookies.set(`${flags.secure ? "__Secure-" : ""}next-auth.session-token`, token, { ...flags, maxAge });
}

/** A 303 to a path of this console (relative, so a proxy's idea of our host does not matter) or to a provider. */
export function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

/** Back to the sign-in page, saying why (the page words the reason; nothing else from the URL is shown). */
export function refused(reason: RefusalReason, accountName?: string): NextResponse {
  const query = new URLSearchParams({ ...(accountName !== undefined && { account: accountName }), error: reason });
  return seeOther(`${FEDERATED_SIGN_IN_PATH}?${query}`);
}
