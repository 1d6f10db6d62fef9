/**
 * The OpenID Connect side of a federated sign-in, through openid-client (discovery, the
 * authorization code grant with PKCE, state and nonce, and the ID token's signature, issuer,
 * audience and times). Whatever goes wrong becomes a FederationRefusal naming what a person can act on.
 */
import * as oidc from "openid-client";
import type { IdentityProvider } from "@/db/schema";
import { openSecret } from "@/lib/access-keys/secret-box";
import { isLoopback, loopbackIssuersAllowed } from "@/lib/federation/schemas";

export const REFUSAL_REASONS = [
  "attempt",
  "unavailable",
  "changed",
  "unreachable",
  "provider_refused",
  "client_rejected",
  "token_refused",
  "id_token",
  "no_rule",
  "invalid_name",
  "missing_group",
  "throttled",
  "failed",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export class FederationRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** For the audit trail only: what the provider or the library said. Never shown to the person. */
    readonly detail?: string,
  ) {
    super(`Federated sign-in refused: ${reason}${detail ? ` (${detail})` : ""}`);
  }
}

/** What a sign-in needs from the provider; tests put a fake in its place. */
export interface OidcPort {
  authorizationUrl(provider: IdentityProvider, request: { redirectUri: string; state: string; nonce: string; codeVerifier: string }): Promise<URL>;
  /** The person's claims: the verified ID token's, completed by the UserInfo endpoint's. */
  exchange(provider: IdentityProvider, answer: { currentUrl: URL; state: string; nonce: string; codeVerifier: string }): Promise<Record<string, unknown>>;
}

/** How long one request to a provider may take: an unreachable issuer fails the sign-in, not the server. */
const REQUEST_TIMEOUT_SECONDS = 5;
/** How far the provider's clock may be from ours when the ID token's times are checked. */
export const CLOCK_TOLERANCE_SECONDS = 60;

async function configuration(provider: IdentityProvider): Promise<oidc.Configuration> {
  // Plain http only for a provider on this machine, and only while the operator allows it (lib/federation/schemas.ts).
  const issuerUrl = new URL(provider.issuer);
  // This machine's own ports are no tenant's to probe, over https either, unless the operator allows it.
  if (isLoopback(issuerUrl) && !loopbackIssuersAllowed()) throw new FederationRefusal("unreachable", "loopback issuers are not allowed");
  const insecure = issuerUrl.protocol === "http:";
  const execute = [oidc.enableNonRepudiationChecks, ...(insecure ? [oidc.allowInsecureRequests] : [])];
  try {
    return await oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      { [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
      oidc.ClientSecretBasic(openSecret(provider.clientSecret)),
      { execute, timeout: REQUEST_TIMEOUT_SECONDS },
    );
  } catch (error) {
    throw new FederationRefusal("unreachable", describe(error));
  }
}

export const openIdClient: OidcPort = {
  async authorizationUrl(provider, { redirectUri, state, nonce, codeVerifier }) {
    const config = await configuration(provider);
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: provider.scopes,
      response_type: "code",
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    });
  },

  async exchange(provider, { currentUrl, state, nonce, codeVerifier }) {
    const config = await configuration(provider);
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw new FederationRefusal("id_token", "no ID token");
      const userInfo =
        config.serverMetadata().userinfo_endpoint && tokens.access_token ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
      // The ID token's own claims win: they are the ones whose signature was checked.
      return { ...userInfo, ...idClaims };
    } catch (error) {
      throw refusalFor(error);
    }
  },
};

function refusalFor(error: unknown): FederationRefusal {
  if (error instanceof FederationRefusal) return error;
  const detail = describe(error);
  if (error instanceof oidc.AuthorizationResponseError) return new FederationRefusal("provider_refused", detail);
  // A 401 from the token endpoint with a WWW-Authenticate challenge: the client's own credentials were refused.
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    const challenged = error.cause.some((c) => c.parameters.error === "invalid_client") || error.status === 401;
    return new FederationRefusal(challenged ? "client_rejected" : "token_refused", detail);
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new FederationRefusal(error.error === "invalid_client" || error.error === "unauthorized_client" ? "client_rejected" : "token_refused", detail);
  }
  if (error instanceof oidc.ClientError) {
    if (ID_TOKEN_CODES.has(error.code ?? "")) return new FederationRefusal("id_token", detail);
    if (error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || error.code === "OAUTH_RESPONSE_IS_NOT_JSON") return new FederationRefusal("unreachable", detail);
  }
  // fetch() fails with a TypeError when the provider cannot be reached, and a timeout aborts it.
  if (error instanceof TypeError || (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))) {
    return new FederationRefusal("unreachable", detail);
  }
  return new FederationRefusal("failed", detail);
}

// What openid-client reports for an ID token that is expired, not yet valid, wrongly signed, or for someone else.
const ID_TOKEN_CODES = new Set([
  "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
  "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
  "OAUTH_INVALID_RESPONSE",
  "OAUTH_KEY_SELECTION_FAILED",
  "OAUTH_PARSE_ERROR",
]);

// The error codes RFC 6749 §4.1.2.1 and OpenID Connect Core §3.1.2.6 define for an authorization response.
const AUTHORIZATION_ERRORS = new Set([
  "invalid_request",
  "unauthorized_client",
  "access_denied",
  "unsupported_response_type",
  "invalid_scope",
  "server_error",
  "temporarily_unavailable",
  "interaction_required",
  "login_required",
  "account_selection_required",
  "consent_required",
  "invalid_request_uri",
  "invalid_request_object",
  "request_not_supported",
  "request_uri_not_supported",
  "registration_not_supported",
]);

/**
 * For the audit trail. What the provider's redirect carries (an `error` and its description) reaches
 * us before anything is verified and anyone can forge it, so only a well-formed error code is kept.
 */
function describe(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError) {
    return AUTHORIZATION_ERRORS.has(error.error) ? `the provider answered ${error.error}` : "the provider answered an error";
  }
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const oauthError = error instanceof oidc.ResponseBodyError ? ` [${error.error}]` : "";
  const challenge =
    error instanceof oidc.WWWAuthenticateChallengeError ? ` [${error.status} ${error.cause.map((c) => c.parameters.error ?? c.scheme).join(", ")}]` : "";
  return `${error.message}${oauthError}${challenge}${error instanceof oidc.WWWAuthenticateChallengeError ? "" : cause}`.slice(0, 300);
}
