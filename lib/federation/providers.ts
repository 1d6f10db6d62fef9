/**
 * IAM → Identity Providers: an account's OpenID Connect providers, through which its people sign
 * in as federated users. A provider is a way into the account that outlives whoever set it up, and
 * its rules put people into user groups: so it is never set up from a switched role, and whoever
 * writes rules naming a group must be allowed to add users to it and hold what it grants.
 */
import { and, asc, count, eq, max } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { identityProviders, type IdentityProvider, users } from "@/db/schema";
import { sealSecret } from "@/lib/access-keys/secret-box";
import { endSignIns } from "@/lib/auth/sign-ins";
import { type Guard, type GuardedRequest, groupGrantsOf, requireAllowed } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { assertMayHandOn, assertNoCredentialsFromRole, credentialsRefusal } from "@/lib/authz/escalation";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, DomainError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/message";
import { groupsNamedIn, groupUrn } from "@/lib/iam/groups";
import { id, isUniqueViolation, validate } from "@/lib/validation";
import { type ConversionRule, claimsRead, groupsNamed, validateConversionRules } from "./rules";
import { createProviderInput, providerEnabledInput, providerIdInput, updateProviderInput } from "./schemas";

const providerUrn = (caller: Caller, name: string) => urn("iam", null, caller.accountId, "identityProvider", name);

async function findProvider(db: Db, caller: Caller, providerId: string, lock?: "update"): Promise<IdentityProvider> {
  const query = db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, providerId), eq(identityProviders.accountId, caller.accountId)));
  const [provider] = lock === undefined ? await query : await query.for(lock);
  if (provider === undefined) throw new DomainError("identity_provider.not_found", { field: "providerId" });
  return provider;
}

/**
 * Every group the rules name must exist, and the caller must be allowed to add users to it and
 * hold what it grants: a rule is a standing way to add people to the group.
 */
async function guardRuleGroups(tx: Tx, caller: Caller, guard: Guard, provider: string, rules: ConversionRule[]): Promise<void> {
  const named = groupsNamed(rules);
  const found = await groupsNamedIn(tx, caller.accountId, named);
  const missing = named.find((n) => !found.has(n.toLowerCase()));
  if (missing !== undefined) {
    throw new DomainError("validation.failed", { field: "rules", message: phrase("validation.federation.unknownGroup", { group: missing }) });
  }
  for (const group of found.values()) {
    const request: GuardedRequest = {
      action: "iam:groups:addUser",
      resource: groupUrn(caller, group.name),
      target: `user group ${group.name}`,
      detail: { identityProvider: provider },
    };
    await guard(request);
    await assertMayHandOn(tx, caller, guard, request, await groupGrantsOf(tx, caller.accountId, group.id), "rules");
  }
}

/** JSON with object keys sorted: the database's jsonb does not keep the order the rules were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** What a create and an edit both write (the name is set once; the secret only when one is typed). */
const editable = (input: { description: string; issuer: string; clientId: string; scopes: string; rules: { document: unknown } }) => ({
  description: input.description,
  issuer: input.issuer,
  clientId: input.clientId,
  scopes: input.scopes,
  rules: input.rules.document,
});

export const createIdentityProvider = command({
  action: "iam:identityProviders:create",
  also: ["iam:groups:addUser"],
  input: createProviderInput,
  async run({ caller, change }, input): Promise<{ id: string; name: string }> {
    const clientSecret = sealSecret(input.clientSecret);
    return change(async (tx, guard) => {
      const request: GuardedRequest = {
        action: "iam:identityProviders:create",
        resource: providerUrn(caller, input.name),
        target: `identity provider ${input.name}`,
      };
      await guard(request);
      assertNoCredentialsFromRole(caller, guard, request);
      await guardRuleGroups(tx, caller, guard, input.name, input.rules.rules);
      try {
        const [created] = await tx
          .insert(identityProviders)
          .values({ accountId: caller.accountId, name: input.name, clientSecret, ...editable(input) })
          .returning({ id: identityProviders.id, name: identityProviders.name });
        return created!;
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError("identity_provider.name_taken", { field: "name" });
        throw error;
      }
    });
  },
});

export const updateIdentityProvider = command({
  action: "iam:identityProviders:update",
  also: ["iam:groups:addUser"],
  input: updateProviderInput,
  async run({ caller, change }, input): Promise<{ name: string }> {
    const clientSecret = input.clientSecret.trim() === "" ? undefined : sealSecret(input.clientSecret);
    return change(async (tx, guard) => {
      const provider = await findProvider(tx, caller, input.providerId, "update");
      const request: GuardedRequest = {
        action: "iam:identityProviders:update",
        resource: providerUrn(caller, provider.name),
        target: `identity provider ${provider.name}`,
      };
      await guard(request);
      assertNoCredentialsFromRole(caller, guard, request);
      await guardRuleGroups(tx, caller, guard, provider.name, input.rules.rules);
      const next = editable(input);
      if (next.issuer !== provider.issuer) {
        // Subjects are unique per issuer only: another issuer's "sub" is another person, never these users.
        await tx.delete(users).where(eq(users.providerId, provider.id));
      } else if (next.clientId !== provider.clientId || next.scopes !== provider.scopes || canonical(next.rules) !== canonical(provider.rules)) {
        // Groups were given by the old rules; whoever is signed in gets them afresh at the next sign-in.
        await endFederatedSignIns(tx, provider, "identity_provider_changed");
      }
      await tx
        .update(identityProviders)
        .set({ ...next, ...(clientSecret !== undefined && { clientSecret }), updatedAt: new Date() })
        .where(eq(identityProviders.id, provider.id));
      return { name: provider.name };
    });
  },
});

/** Signed-in federated users of the provider are signed out when it is disabled or its rules change. */
async function endFederatedSignIns(tx: Tx, provider: IdentityProvider, reason: string): Promise<number> {
  const federated = await tx.select({ id: users.id }).from(users).where(eq(users.providerId, provider.id));
  let ended = 0;
  for (const user of federated) ended += await endSignIns(tx, { accountId: provider.accountId, userId: user.id }, reason);
  return ended;
}

export const setIdentityProviderEnabled = command({
  action: "iam:identityProviders:update",
  also: ["iam:groups:addUser"],
  input: providerEnabledInput,
  async run({ caller, change }, input): Promise<{ name: string; enabled: boolean }> {
    return change(async (tx, guard) => {
      const provider = await findProvider(tx, caller, input.providerId, "update");
      const enabled = input.enabled === "yes";
      const request: GuardedRequest = {
        action: "iam:identityProviders:update",
        resource: providerUrn(caller, provider.name),
        target: `identity provider ${provider.name}`,
        detail: { enabled },
      };
      await guard(request);
      if (enabled) {
        // Enabling opens the way in again, with the groups as they grant today.
        assertNoCredentialsFromRole(caller, guard, request);
        await guardRuleGroups(tx, caller, guard, provider.name, storedRules(provider));
      } else {
        await endFederatedSignIns(tx, provider, "identity_provider_disabled");
      }
      await tx.update(identityProviders).set({ enabled, updatedAt: new Date() }).where(eq(identityProviders.id, provider.id));
      return { name: provider.name, enabled };
    });
  },
});

export const deleteIdentityProvider = command({
  action: "iam:identityProviders:delete",
  input: providerIdInput,
  async run({ caller, change }, input): Promise<{ name: string }> {
    return change(async (tx, guard) => {
      const provider = await findProvider(tx, caller, input.providerId, "update");
      await guard({ action: "iam:identityProviders:delete", resource: providerUrn(caller, provider.name), target: `identity provider ${provider.name}` });
      // Its federated users go with it (and their sign-ins, group memberships and role sessions).
      await tx.delete(identityProviders).where(eq(identityProviders.id, provider.id));
      return { name: provider.name };
    });
  },
});

/** The rules as stored; they were checked when written, so a failure here is a broken row. */
export function storedRules(provider: IdentityProvider): ConversionRule[] {
  const checked = validateConversionRules(provider.rules);
  if (!checked.ok) throw new Error(`Identity provider ${provider.id} holds rules that no longer parse.`);
  return checked.rules;
}

/** The create page asks first, so a caller who may not is told before filling the form in. */
export async function requireProviderCreation(db: Db, caller: Caller): Promise<void> {
  const request: GuardedRequest = { action: "iam:identityProviders:create", resource: providerUrn(caller, "*"), target: "identity providers" };
  const decision = await requireAllowed(db, caller, request);
  const fromRole = credentialsRefusal(caller);
  if (fromRole !== null) throw new AccessDeniedError(request, decision, { reason: fromRole });
}

export async function listIdentityProviders(db: Db, caller: Caller) {
  await requireAllowed(db, caller, { action: "iam:identityProviders:list", resource: providerUrn(caller, "*"), target: "identity providers" });
  const federated = db
    .select({ providerId: users.providerId, users: count().as("users"), lastSignInAt: max(users.lastSignInAt).as("last_sign_in_at") })
    .from(users)
    .where(eq(users.accountId, caller.accountId))
    .groupBy(users.providerId)
    .as("federated");
  const rows = await db
    .select({ provider: identityProviders, users: federated.users, lastSignInAt: federated.lastSignInAt })
    .from(identityProviders)
    .leftJoin(federated, eq(federated.providerId, identityProviders.id))
    .where(eq(identityProviders.accountId, caller.accountId))
    .orderBy(asc(identityProviders.name));
  return rows.map(({ provider, users: n, lastSignInAt }) => ({
    id: provider.id,
    name: provider.name,
    description: provider.description,
    issuer: provider.issuer,
    enabled: provider.enabled,
    federatedUsers: Number(n ?? 0),
    lastSignInAt: lastSignInAt === null ? null : new Date(lastSignInAt),
  }));
}

// What each standard scope lets a provider send (OpenID Connect Core 1.0, 5.4), besides `sub`.
const SCOPE_CLAIMS: Record<string, string[]> = {
  openid: ["sub"],
  profile: [
    "name",
    "family_name",
    "given_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "profile",
    "picture",
    "website",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
    "updated_at",
  ],
  email: ["email", "email_verified"],
  address: ["address"],
  phone: ["phone_number", "phone_number_verified"],
};

/**
 * What an administrator should look at in the rules: groups that no longer exist (a sign-in that
 * reaches them is refused), and claims the requested scopes do not provide (a rule reading them
 * matches only if the provider sends them anyway, as many send `groups` when configured to).
 */
export function ruleFlags(rules: ConversionRule[], scopes: string, existingGroups: Set<string>): string[] {
  const provided = new Set(scopes.split(" ").flatMap((s) => SCOPE_CLAIMS[s] ?? []));
  return [
    ...groupsNamed(rules)
      .filter((g) => !existingGroups.has(g.toLowerCase()))
      .map((group) => phrase("validation.federation.unknownGroup", { group })),
    ...claimsRead(rules)
      .filter((c) => !provided.has(c))
      .map((claim) => phrase("validation.federation.unrequestedClaim", { claim, scopes })),
  ];
}

export async function getIdentityProvider(db: Db, caller: Caller, rawId: unknown) {
  const providerId = validate(id("identityProvider"), rawId);
  const provider = await findProvider(db, caller, providerId);
  await requireAllowed(db, caller, {
    action: "iam:identityProviders:get",
    resource: providerUrn(caller, provider.name),
    target: `identity provider ${provider.name}`,
  });
  const rules = storedRules(provider);
  const existing = new Set((await groupsNamedIn(db, caller.accountId, groupsNamed(rules))).keys());
  const federatedUsers = await db
    .select({ id: users.id, name: users.name, subject: users.subject, lastSignInAt: users.lastSignInAt })
    .from(users)
    .where(and(eq(users.providerId, provider.id), eq(users.accountId, caller.accountId)))
    .orderBy(asc(users.name));
  const { clientSecret: _sealed, rules: document, ...shown } = provider;
  return { provider: { ...shown, rulesText: JSON.stringify(document, null, 2) }, flags: ruleFlags(rules, provider.scopes, existing), federatedUsers };
}
