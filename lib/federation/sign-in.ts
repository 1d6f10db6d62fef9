/**
 * Signing in through an account's identity provider: leave for the provider with a one-time,
 * browser-bound attempt; come back, have the answer verified, let the conversion rules decide who
 * the person is here, and start a server-side sign-in for that federated user. A refusal at any
 * step writes nothing but its audit event.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import * as oidc from "openid-client";
import type { Db } from "@/db/client";
import { accounts, type IdentityProvider, identityProviders } from "@/db/schema";
import { escapeName } from "@/lib/auth/credentials";
import { ACCOUNT_NAME } from "@/lib/auth/name-rules";
import { startSignIn } from "@/lib/auth/sign-ins";
import { auditDenied, selfService } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { openAttempt, spendAttempt } from "@/lib/federation/attempts";
import { admitFederatedUser } from "@/lib/federation/federated-users";
import { FederationRefusal, type OidcPort, type RefusalReason } from "@/lib/federation/oidc";
import { storedRules } from "@/lib/federation/providers";
import { convert } from "@/lib/federation/rules";

export interface ClientFacts {
  address: string;
  userAgent?: string;
}

/** The providers a person may pick on the sign-in page: the account's enabled ones (none for an unknown account). */
export async function providersForSignIn(db: Db, accountName: string): Promise<{ id: string; name: string; description: string }[]> {
  if (!ACCOUNT_NAME.test(accountName)) return [];
  return db
    .select({ id: identityProviders.id, name: identityProviders.name, description: identityProviders.description })
    .from(identityProviders)
    .innerJoin(accounts, eq(accounts.id, identityProviders.accountId))
    .where(and(sql`lower(${accounts.name}) = ${accountName.toLowerCase()}`, eq(identityProviders.enabled, true)))
    .orderBy(sql`lower(${identityProviders.name})`);
}

type Found = { provider: IdentityProvider; accountName: string };

/** A provider with its account's name, as the conditions pick it. */
async function providerWithAccount(db: Db, ...conditions: SQL[]): Promise<Found | null> {
  const [row] = await db
    .select({ provider: identityProviders, accountName: accounts.name })
    .from(identityProviders)
    .innerJoin(accounts, eq(accounts.id, identityProviders.accountId))
    .where(and(...conditions));
  return row ?? null;
}

/** Where to send the person: the provider's authorization URL, with this attempt's state, nonce and PKCE challenge. */
export async function beginFederatedSignIn(
  db: Db,
  port: OidcPort,
  request: { accountName: string; providerId: string; binding: string; redirectUri: string; returnTo: string; client: ClientFacts },
): Promise<URL> {
  const found =
    /^[0-9a-f-]{36}$/i.test(request.providerId) && ACCOUNT_NAME.test(request.accountName)
      ? await providerWithAccount(
          db,
          eq(identityProviders.id, request.providerId),
          eq(identityProviders.enabled, true),
          sql`lower(${accounts.name}) = ${request.accountName.toLowerCase()}`,
        )
      : null;
  if (found === null) throw new FederationRefusal("unavailable");
  const opened = await openAttempt(
    db,
    { providerId: found.provider.id, binding: request.binding, redirectUri: request.redirectUri, returnTo: request.returnTo, address: request.client.address },
    { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() },
  );
  if (opened === null) throw new FederationRefusal("throttled");
  try {
    return await port.authorizationUrl(found.provider, { redirectUri: request.redirectUri, ...opened });
  } catch (error) {
    await auditRefusal(db, found, null, request.client, error);
    throw error;
  }
}

export interface FederatedSignIn {
  accountId: string;
  userId: string;
  loginId: string;
  name: string;
  returnTo: string;
}

/**
 * Finishes the sign-in the provider's answer (`callbackUrl`, with its code and state) belongs to.
 * Throws FederationRefusal, carrying the account's name when the attempt was real, so the person can start again.
 */
export async function completeFederatedSignIn(
  db: Db,
  port: OidcPort,
  answer: { callbackUrl: URL; binding: string | undefined; client: ClientFacts },
): Promise<FederatedSignIn> {
  const state = answer.callbackUrl.searchParams.get("state") ?? "";
  const attempt = await spendAttempt(db, state, answer.binding);
  // Unknown, spent, expired or another browser's: nothing here says which account it was for.
  if (attempt === null) throw new FederationRefusal("attempt");
  const found = await providerWithAccount(db, eq(identityProviders.id, attempt.providerId));
  if (found === null) throw new FederationRefusal("attempt");
  const refused = async (error: unknown, who: Who | null = null): Promise<never> => {
    await auditRefusal(db, found, who, answer.client, error);
    throw error instanceof FederationRefusal ? new AccountRefusal(error.reason, found.accountName, error.detail) : error;
  };
  // Disabled while the person was at the provider: the answer no longer counts.
  if (!found.provider.enabled) return refused(new FederationRefusal("unavailable"));
  // The redirect URI the attempt was opened with, so a proxy's view of the URL cannot make the grant's differ.
  const currentUrl = new URL(attempt.redirectUri);
  currentUrl.search = answer.callbackUrl.search;
  let claims: Record<string, unknown>;
  try {
    claims = await port.exchange(found.provider, { currentUrl, state: attempt.state, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier });
  } catch (error) {
    return refused(error);
  }
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const converted = convert(storedRules(found.provider), claims);
  if (!converted.ok) {
    return refused(new FederationRefusal(converted.reason === "no_rule_matched" ? "no_rule" : "invalid_name"), { subject, name: null });
  }
  const who: Who = { subject, name: converted.name };
  const provider = found.provider;
  // Who signs in is known only once admitted, inside the transaction; the event is written after that.
  const caller = attemptCaller(found, who);
  try {
    return await selfService(
      db,
      caller,
      { action: "iam:sessions:signIn", target: `account ${found.accountName}`, detail: { address: answer.client.address, groups: converted.groups } },
      async (tx) => {
        // The provider as it is now, held until commit: an edit, disable or new issuer saved while the
        // person was at the provider signed its users out, and this answer was judged by the old settings.
        const [now] = await tx
          .select({ enabled: identityProviders.enabled, updatedAt: identityProviders.updatedAt })
          .from(identityProviders)
          .where(eq(identityProviders.id, provider.id))
          .for("share");
        if (now === undefined || !now.enabled) throw new FederationRefusal("unavailable");
        if (now.updatedAt.getTime() !== provider.updatedAt.getTime()) throw new FederationRefusal("changed");
        const admitted = await admitFederatedUser(tx, provider, subject, converted);
        if (!admitted.ok) throw new FederationRefusal("missing_group", admitted.missingGroup);
        caller.userId = admitted.userId;
        const loginId = await startSignIn(tx, { accountId: provider.accountId, userId: admitted.userId }, answer.client);
        return { value: { accountId: provider.accountId, userId: admitted.userId, loginId, name: converted.name, returnTo: attempt.returnTo } };
      },
    );
  } catch (error) {
    return refused(error, who);
  }
}

/** A refusal for a real attempt: the account is known, so the person can be offered its providers again. */
export class AccountRefusal extends FederationRefusal {
  constructor(
    reason: RefusalReason,
    readonly accountName: string,
    detail?: string,
  ) {
    super(reason, detail);
  }
}

type Who = { subject: string; name: string | null };

function attemptCaller(found: Found, who: Who | null): Caller {
  const { provider, accountName } = found;
  const named = who?.name ?? (who?.subject ? `${escapeName(who.subject)} (not admitted)` : "(not identified)");
  return {
    accountId: provider.accountId,
    accountName,
    principalAccountId: provider.accountId,
    principalAccountName: accountName,
    userId: null,
    userName: named,
    federated: { providerId: provider.id, provider: provider.name, subject: who?.subject ?? "" },
  };
}

async function auditRefusal(db: Db, found: Found, who: Who | null, client: ClientFacts, error: unknown): Promise<void> {
  const reason = error instanceof FederationRefusal ? error.reason : "failed";
  // Why a provider could not be reached would map the console's network for whoever sets the issuer: not recorded.
  const providerSaid =
    reason === "unreachable" ? undefined : error instanceof FederationRefusal ? error.detail : error instanceof Error ? error.message.slice(0, 300) : undefined;
  await auditDenied(
    db,
    attemptCaller(found, who),
    {
      action: "iam:sessions:signIn",
      target: `account ${found.accountName}`,
      resource: urn("iam", null, found.provider.accountId, "identityProvider", found.provider.name),
      detail: { address: client.address, ...(providerSaid !== undefined && { providerSaid }) },
    },
    `errors.auditReason.federation.${reason}`,
  );
}
