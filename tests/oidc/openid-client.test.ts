/**
 * lib/federation/oidc.ts against a real OpenID Provider (oidc-provider on a loopback port): what a
 * good answer yields, and which refusal each broken one becomes. The browser's part at the provider
 * (its sign-in form) is played by fetch with a cookie jar.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startTestIdp, type TestIdp } from "@/e2e/support/test-idp";
import type { IdentityProvider } from "@/db/schema";
import { sealSecret } from "@/lib/access-keys/secret-box";
import { FederationRefusal, openIdClient } from "@/lib/federation/oidc";

const PORT = 3193;
const REDIRECT = "http://localhost:3999/api/federation/callback";
let idp: TestIdp;

beforeAll(async () => {
  // The test provider speaks plain http on loopback, which the console allows only when told to.
  process.env.MANDATE_LOOPBACK_ISSUERS = "on";
  idp = await startTestIdp({
    port: PORT,
    clientId: "mandate-test",
    clientSecret: "right-secret",
    redirectUri: REDIRECT,
    people: { ann: { email: "ann@corp.example", name: "Ann", groups: ["cloud-admins"] } },
  });
});
afterAll(async () => {
  delete process.env.MANDATE_LOOPBACK_ISSUERS;
  await idp.close();
});
beforeEach(() => idp.tamper(null));

const providerRow = (over: Partial<IdentityProvider> = {}): IdentityProvider => ({
  id: "00000000-0000-4000-8000-000000000001",
  accountId: "00000000-0000-4000-8000-000000000002",
  name: "corp",
  description: "",
  issuer: idp.issuer,
  clientId: "mandate-test",
  clientSecret: sealSecret("right-secret"),
  scopes: "openid email profile groups",
  rules: [],
  enabled: true,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});

const checks = { state: "state-1234567890", nonce: "nonce-1234567890", codeVerifier: "verifier-".padEnd(64, "x") };

/** Plays the browser at the provider: follows its redirects, signs in on its form (or cancels), and returns where it sends back. */
async function browse(start: URL, login: string, cancel = false): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start.toString();
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get("location");
    if (location !== null) {
      const next = new URL(location, url);
      if (next.toString().startsWith(REDIRECT)) return next;
      url = next.toString();
      init = {};
      continue;
    }
    const action = /action="([^"]+)"/.exec(await response.text())?.[1];
    if (action === undefined) throw new Error(`no sign-in form at ${url} (${response.status})`);
    url = new URL(cancel ? `${action}/abort` : action, url).toString();
    init = cancel
      ? {}
      : {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
        };
  }
  throw new Error("too many redirects");
}

async function signInAs(login: string, provider = providerRow(), options: { cancel?: boolean; nonce?: string; codeVerifier?: string } = {}) {
  const start = await openIdClient.authorizationUrl(provider, { redirectUri: REDIRECT, ...checks });
  const back = await browse(start, login, options.cancel);
  return openIdClient.exchange(provider, {
    currentUrl: back,
    state: checks.state,
    nonce: options.nonce ?? checks.nonce,
    codeVerifier: options.codeVerifier ?? checks.codeVerifier,
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FederationRefusal)) throw new Error(`expected a FederationRefusal, got ${String(error)}`);
  return error.reason;
}

describe("openid-client against a real provider", () => {
  test("the authorization URL carries the state, nonce, scopes and an S256 PKCE challenge, never the verifier", async () => {
    const url = await openIdClient.authorizationUrl(providerRow(), { redirectUri: REDIRECT, ...checks });
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: "mandate-test",
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "openid email profile groups",
      state: checks.state,
      nonce: checks.nonce,
      code_challenge_method: "S256",
    });
    expect(url.toString()).not.toContain(checks.codeVerifier);
  });

  test("a good answer yields the verified ID token's claims, completed by UserInfo", async () => {
    const claims = await signInAs("ann");
    expect(claims).toMatchObject({ sub: "ann", iss: idp.issuer, aud: "mandate-test", email: "ann@corp.example", groups: ["cloud-admins"] });
  });

  test("an ID token signed with a key the provider never published is refused", async () => {
    idp.tamper("wrong-key");
    expect(await refusal(signInAs("ann"))).toBe("id_token");
  });

  test("an expired ID token is refused", async () => {
    idp.tamper("expired");
    expect(await refusal(signInAs("ann"))).toBe("id_token");
  });

  test("an ID token for another sign-in (its nonce) is refused", async () => {
    expect(await refusal(signInAs("ann", providerRow(), { nonce: "nonce-of-another-attempt" }))).toBe("id_token");
  });

  test("a code redeemed with another verifier is refused by the provider", async () => {
    expect(await refusal(signInAs("ann", providerRow(), { codeVerifier: "another-".padEnd(64, "y") }))).toBe("token_refused");
  });

  test("a wrong client secret is named as such", async () => {
    expect(await refusal(signInAs("ann", providerRow({ clientSecret: sealSecret("wrong-secret") })))).toBe("client_rejected");
  });

  test("a person who cancels at the provider is refused by the provider", async () => {
    expect(await refusal(signInAs("ann", providerRow(), { cancel: true }))).toBe("provider_refused");
  });

  test("what a forged error answer says is not kept: only a well-formed error code", async () => {
    const forged = (error: string) => {
      const url = new URL(REDIRECT);
      url.search = new URLSearchParams({
        state: checks.state,
        iss: idp.issuer,
        error,
        error_description: "Admin approved, see https://evil.example",
      }).toString();
      return openIdClient.exchange(providerRow(), { currentUrl: url, ...checks }).then(
        () => null,
        (e: unknown) => e as FederationRefusal,
      );
    };
    expect(await forged("access_denied")).toMatchObject({ reason: "provider_refused", detail: "the provider answered access_denied" });
    expect(await forged("<b>Admin approved</b>")).toMatchObject({ reason: "provider_refused", detail: "the provider answered an error" });
    // Well-formed but no registered code: words of the forger's choosing.
    expect(await forged("please_call_helpdesk_at_evil_example_com")).toMatchObject({ detail: "the provider answered an error" });
  });

  test("plain http to this machine is not spoken unless the operator allows it", async () => {
    delete process.env.MANDATE_LOOPBACK_ISSUERS;
    try {
      expect(await refusal(openIdClient.authorizationUrl(providerRow(), { redirectUri: REDIRECT, ...checks }))).toBe("unreachable");
      // Nor https to this machine: the port would still answer whether something listens.
      const https = await openIdClient.authorizationUrl(providerRow({ issuer: "https://127.0.0.1:9" }), { redirectUri: REDIRECT, ...checks }).catch((e) => e);
      expect(https).toMatchObject({ reason: "unreachable", detail: "loopback issuers are not allowed" });
    } finally {
      process.env.MANDATE_LOOPBACK_ISSUERS = "on";
    }
  });

  test("an issuer where nothing listens, or that is not the provider's issuer, is unreachable", async () => {
    expect(await refusal(openIdClient.authorizationUrl(providerRow({ issuer: "http://127.0.0.1:3194" }), { redirectUri: REDIRECT, ...checks }))).toBe(
      "unreachable",
    );
    // The discovery document names another issuer than the one configured.
    expect(await refusal(openIdClient.authorizationUrl(providerRow({ issuer: `http://localhost:${PORT}` }), { redirectUri: REDIRECT, ...checks }))).toBe(
      "unreachable",
    );
  });
});
