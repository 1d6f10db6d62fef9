/**
 * A real OpenID Provider for the tests: oidc-provider (the certified Node.js implementation) on a
 * loopback port, with people whose claims the test chooses. Its sign-in page is oidc-provider's own
 * development interaction (any password). It can also hand out an ID token that is expired or
 * signed with a key it never published, as a broken or forged provider would.
 */
import { createSign, generateKeyPairSync, type JsonWebKey } from "node:crypto";
import type { Server } from "node:http";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/** expired / wrong-key: the ID token handed out; state: the state sent back with the code. */
export type Tampering = "expired" | "wrong-key" | "state" | null;

export interface TestIdp {
  issuer: string;
  tamper(mode: Tampering): void;
  close(): Promise<void>;
}

export interface TestIdpOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Claims by login name: signing in as `login` at the provider makes `sub` = login. */
  people: Record<string, Record<string, unknown>>;
}

const KID = "test-idp-key";

function rsaJwk(): JsonWebKey {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Re-signs an ID token's claims, changed by `edit`, with `jwk` (RS256, under the provider's own key id). */
function resign(idToken: string, jwk: JsonWebKey, edit: (claims: Record<string, unknown>) => void): string {
  const claims = JSON.parse(Buffer.from(idToken.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
  edit(claims);
  const input = `${b64({ alg: "RS256", typ: "JWT", kid: KID })}.${b64(claims)}`;
  const signature = createSign("RSA-SHA256").update(input).sign({ key: jwk, format: "jwk" }).toString("base64url");
  return `${input}.${signature}`;
}

export async function startTestIdp(options: TestIdpOptions): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const signingKey = rsaJwk();
  const foreignKey = rsaJwk();
  let tampering: Tampering = null;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: KID, alg: "RS256", use: "sig" }] as never },
    cookies: { keys: ["mandate-test-idp"] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const claims = options.people[sub];
      if (claims === undefined) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    // Consent is not what these tests are about: every client is granted what it asked for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const location = String(ctx.response.get("location") ?? "");
    if (tampering === "state" && location.startsWith(options.redirectUri)) {
      const back = new URL(location);
      back.searchParams.set("state", `${back.searchParams.get("state")}-tampered`);
      ctx.redirect(back.toString());
      return;
    }
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || (tampering !== "expired" && tampering !== "wrong-key") || typeof body?.id_token !== "string") return;
    const now = Math.floor(Date.now() / 1000);
    body.id_token =
      tampering === "expired"
        ? resign(body.id_token, signingKey, (c) => Object.assign(c, { iat: now - 7200, exp: now - 3600 }))
        : resign(body.id_token, foreignKey, () => {});
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    tamper: (mode) => {
      tampering = mode;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
