/** Agencies: an account lends permissions, within a scope and for a validity period, to another account or a cloud service. */
import { and, asc, count, eq, gt, ilike, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { accounts, agencies, agencyPermissions, roleSessions, type Agency } from "@/db/schema";
import { type Cursor, keysetPage, likeLiteral, readsBackwards } from "@/lib/keyset";
import { AGENCY_PAGE_SIZE } from "@/lib/agencies/options";
import { agencyBasicsInput, agencyListQuery, createAgencyInput, deleteAgenciesInput, deleteAgencyInput, updateAgencyInput } from "@/lib/agencies/schemas";
import { EXPIRING_DAYS, expiryFor, type ValidityKind } from "@/lib/agencies/validity";
import { agencyGrants, type GuardedRequest, requireAllowed } from "@/lib/authz/authorize";
import { assertMayHandOn, assertNotSwitched, requireNotSwitched } from "@/lib/authz/escalation";
import { fittedScopes } from "@/lib/policy/fitted-scopes";
import type { Caller } from "@/lib/caller";
import { agencyPermissionsOf, agencyUrn, attachable, lendingsOf } from "@/lib/agencies/permissions";
import { resolveScopeValues } from "@/lib/catalogue";
import { DomainError } from "@/lib/errors";
import { id, isUniqueViolation, validate } from "@/lib/validation";
import { command } from "@/lib/authz/command";
import { notify } from "@/lib/notifications/notify";
import { phrase } from "@/lib/i18n/message";

const delegated = alias(accounts, "delegated");

/** Beyond this many agencies the list says "more than 10,000" rather than count them all. */
export const AGENCY_COUNT_CAP = 10_000;
/**
 * A name search stops counting sooner: its matches are read row by row (a two-letter search can
 * use no index), so the cap bounds what a common fragment costs however large the account grows.
 */
export const AGENCY_SEARCH_COUNT_CAP = 1_000;

// A timestamp as PostgreSQL writes one as text (or either infinity): anything else in a cursor is ignored.
const TIMESTAMP_TEXT = /^(-?infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)$/;

/**
 * One page of the account's agencies, read by keyset: a page starts after (or before) the row a
 * cursor names, so every page costs the same however far in it is. `count()` reads how many match,
 * stopping at a cap (a lower one for a name search). `last` reads the final page backwards.
 */
export async function listAgencies(db: Db, caller: Caller, rawQuery: unknown = {}) {
  const query = validate(agencyListQuery, rawQuery);
  await requireAllowed(db, caller, { action: "iam:agencies:list", resource: agencyUrn(caller, "*"), target: "agencies" });
  const now = new Date();
  const soon = new Date(now.getTime() + EXPIRING_DAYS * 24 * 60 * 60 * 1000);
  // "active" is every agency still usable; "expiring" those of them that end within EXPIRING_DAYS.
  const status = {
    all: undefined,
    active: or(isNull(agencies.expiresAt), gt(agencies.expiresAt, now)),
    expiring: and(gt(agencies.expiresAt, now), lte(agencies.expiresAt, soon)),
    expired: lte(agencies.expiresAt, now),
  }[query.status];
  const where = and(
    eq(agencies.accountId, caller.accountId),
    query.q ? ilike(agencies.name, `%${likeLiteral(query.q)}%`) : undefined,
    query.type === "all" ? undefined : eq(agencies.type, query.type),
    status,
  );
  const ascending = query.dir === "asc";
  // Unlimited agencies never expire: they sort after every date, whichever the direction.
  const key =
    query.sort === "name"
      ? sql`${agencies.name}`
      : query.sort === "expiry"
        ? sql.raw(`coalesce("agencies"."expires_at", '${ascending ? "" : "-"}infinity'::timestamptz)`)
        : sql`${agencies.createdAt}`;
  const keyType = sql.raw(query.sort === "name" ? "text" : "timestamptz");
  const usable = (c: Cursor | undefined) => (c !== undefined && (query.sort === "name" || TIMESTAMP_TEXT.test(c.key)) ? c : undefined);
  const after = usable(query.after);
  const before = after === undefined ? usable(query.before) : undefined;
  const place = { after, before, last: query.last };
  const backwards = readsBackwards(place);
  const forward = ascending !== backwards;
  const from = after ?? before;
  const beyond = from === undefined ? undefined : sql`(${key}, ${agencies.id}) ${sql.raw(forward ? ">" : "<")} (${from.key}::${keyType}, ${from.id}::uuid)`;
  const order = sql.raw(forward ? "asc" : "desc");
  const read = await db
    .select({ agency: agencies, delegatedAccountName: delegated.name, key: sql<string>`(${key})::text` })
    .from(agencies)
    .leftJoin(delegated, eq(delegated.id, agencies.delegatedAccountId))
    .where(and(where, beyond))
    .orderBy(sql`${key} ${order}`, sql`${agencies.id} ${order}`)
    .limit(AGENCY_PAGE_SIZE + 1);
  const { rows: page, more, previous, next } = keysetPage(read, AGENCY_PAGE_SIZE, place, (row) => ({ key: row.key, id: row.agency.id }));
  const cap = query.q ? AGENCY_SEARCH_COUNT_CAP : AGENCY_COUNT_CAP;
  // The rows never wait for the count: the page streams it in (a dense search reads up to `cap` matches).
  // A first page that holds every match is its own count.
  const countMatches = async () => {
    const matches =
      from === undefined && !backwards && !more
        ? page.length
        : ((
            await db.select({ matches: count() }).from(
              db
                .select({ one: sql`1` })
                .from(agencies)
                .where(where)
                .limit(cap + 1)
                .as("capped"),
            )
          )[0]?.matches ?? 0);
    return { total: Math.min(matches, cap), totalCapped: matches > cap };
  };
  return {
    rows: page.map((r) => ({ ...r.agency, delegatedAccountName: r.delegatedAccountName })),
    count: countMatches,
    previous,
    next,
    q: query.q,
    filters: { type: query.type, status: query.status, sort: query.sort, dir: query.dir },
  };
}

/** The API's agency list (Huawei's ListAgencies): filtered by delegated account or exact name, in pages of up to 500. */
export async function agencyPage(db: Db, caller: Caller, filter: { delegatedAccountId?: string; name?: string; page: number; perPage: number }) {
  await requireAllowed(db, caller, { action: "iam:agencies:list", resource: agencyUrn(caller, "*"), target: "agencies" });
  const page = Math.max(1, Math.min(filter.page, 1_000_000));
  const perPage = Math.max(1, Math.min(filter.perPage, 500));
  const rows = await db
    .select({ agency: agencies, delegatedAccountName: delegated.name })
    .from(agencies)
    .leftJoin(delegated, eq(delegated.id, agencies.delegatedAccountId))
    .where(
      and(
        eq(agencies.accountId, caller.accountId),
        filter.delegatedAccountId === undefined ? undefined : eq(agencies.delegatedAccountId, filter.delegatedAccountId),
        filter.name === undefined ? undefined : eq(agencies.name, filter.name),
      ),
    )
    .orderBy(asc(agencies.createdAt), asc(agencies.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return rows.map((r) => ({ ...r.agency, delegatedAccountName: r.delegatedAccountName }));
}

async function findAgency(db: Db, caller: Caller, agencyId: string): Promise<Agency> {
  const [agency] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.accountId, caller.accountId)));
  if (agency === undefined) throw new DomainError("agency.not_found", { field: "agencyId" });
  return agency;
}

export async function getAgency(db: Db, caller: Caller, rawId: unknown) {
  const agency = await findAgency(db, caller, validate(id("agency"), rawId));
  await requireAllowed(db, caller, { action: "iam:agencies:get", resource: agencyUrn(caller, agency.name), target: `agency ${agency.name}` });
  const [party] =
    agency.delegatedAccountId === null ? [] : await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, agency.delegatedAccountId));
  return { agency, delegatedAccountName: party?.name ?? null, permissions: await agencyPermissionsOf(db, agency.id) };
}

async function resolveDelegatedParty(
  db: Db,
  caller: Caller,
  basics: { type: "account" | "service"; delegatedAccount?: string | undefined; service?: string | undefined },
) {
  if (basics.type === "service")
    return { delegatedAccountId: null, delegatedAccountName: null, service: basics.service!, label: `cloud service ${basics.service}` };
  const [account] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(sql`lower(${accounts.name}) = lower(${basics.delegatedAccount!})`);
  if (account === undefined) throw new DomainError("agency.delegated_account_unknown", { field: "delegatedAccount" });
  if (account.id === caller.accountId) throw new DomainError("agency.delegated_self", { field: "delegatedAccount" });
  return { delegatedAccountId: account.id, delegatedAccountName: account.name, service: null, label: `account ${account.name}` };
}

/** The account an agency is moved to, or null when it stays where it is. */
async function newDelegatedParty(db: Db, caller: Caller, agency: Agency, delegatedAccount: string | undefined) {
  if (delegatedAccount === undefined) return null;
  if (agency.type !== "account")
    throw new DomainError("agency.delegated_account_unknown", {
      field: "delegatedAccount",
      message: phrase("errors.agency.service_not_delegable"),
    });
  const party = await resolveDelegatedParty(db, caller, { type: "account", delegatedAccount });
  return party.delegatedAccountId === agency.delegatedAccountId ? null : party;
}

async function assertNameFree(db: Db, caller: Caller, name: string) {
  const [taken] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.accountId, caller.accountId), sql`lower(${agencies.name}) = lower(${name})`));
  if (taken !== undefined) throw new DomainError("agency.name_taken", { field: "name" });
}

/** The wizard's first Next: checks step 1 (and the permission to create) before the caller picks policies. */
export const checkAgencyBasics = command({
  action: "iam:agencies:create",
  input: agencyBasicsInput,
  async run({ db, caller }, basics) {
    const request: GuardedRequest = { action: "iam:agencies:create", resource: agencyUrn(caller, basics.name), target: `agency ${basics.name}` };
    await requireAllowed(db, caller, request);
    await requireNotSwitched(db, caller, request);
    await resolveDelegatedParty(db, caller, basics);
    await assertNameFree(db, caller, basics.name);
    return basics;
  },
});

export const createAgency = command({
  action: "iam:agencies:create",
  input: createAgencyInput,
  async run({ caller, change }, input): Promise<{ id: string; name: string }> {
    return change(async (tx, guard) => {
      const party = await resolveDelegatedParty(tx, caller, input);
      const attached = await attachable(tx, caller, input.policyIds);
      const scopeValues = await resolveScopeValues(tx, caller, input.scopeKind, input.regions, input.projects);
      const request: GuardedRequest = {
        action: "iam:agencies:create",
        resource: agencyUrn(caller, input.name),
        target: `agency ${input.name}`,
        detail: { delegatedParty: party.label, policies: attached.map((p) => p.name), scope: input.scopeKind, scopeValues, validity: input.validityKind },
      };
      await guard(request);
      assertNotSwitched(caller, guard, request);
      const fitted = fittedScopes(attached, input.scopeKind, scopeValues);
      // An agency of either type lends its permissions on: to an account, or to a service the caller can trigger.
      await assertMayHandOn(tx, caller, guard, request, lendingsOf(fitted), "policyIds");
      const created = await insertAgency(tx, caller, input, party);
      await tx.insert(agencyPermissions).values(fitted.map(({ policy, ...scope }) => ({ agencyId: created.id, policyId: policy.id, ...scope })));
      return { id: created.id, name: created.name };
    });
  },
});

/**
 * The API's Create Agency (Huawei's `POST /v3.0/OS-AGENCY/agencies`): the agency comes first and lends
 * nothing until permissions are granted to it, one role at a time.
 */
export const createAgencyWithoutPermissions = command({
  action: "iam:agencies:create",
  input: agencyBasicsInput,
  // The whole agency comes back, so the API answers without a second read the caller may not be allowed.
  async run({ caller, change }, input): Promise<Agency & { delegatedAccountName: string | null }> {
    return change(async (tx, guard) => {
      const party = await resolveDelegatedParty(tx, caller, input);
      const request: GuardedRequest = {
        action: "iam:agencies:create",
        resource: agencyUrn(caller, input.name),
        target: `agency ${input.name}`,
        detail: { delegatedParty: party.label, policies: [], validity: input.validityKind },
      };
      await guard(request);
      assertNotSwitched(caller, guard, request);
      const created = await insertAgency(tx, caller, input, party);
      return { ...created, delegatedAccountName: party.delegatedAccountName };
    });
  },
});

async function insertAgency(
  tx: Tx,
  caller: Caller,
  input: { name: string; type: "account" | "service"; validityKind: ValidityKind; validityDays?: number | undefined; description: string },
  party: { delegatedAccountId: string | null; service: string | null },
): Promise<Agency> {
  let created: Agency | undefined;
  try {
    [created] = await tx
      .insert(agencies)
      .values({
        accountId: caller.accountId,
        name: input.name,
        type: input.type,
        delegatedAccountId: party.delegatedAccountId,
        service: party.service,
        validityKind: input.validityKind,
        validityDays: input.validityKind === "custom" ? input.validityDays! : null,
        expiresAt: expiryFor(input.validityKind, input.validityDays ?? null, new Date()),
        description: input.description,
      })
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("agency.name_taken", { field: "name" });
    throw error;
  }
  await notify(tx, party.delegatedAccountId, "agency_created", { fromAccountName: caller.accountName, subject: input.name });
  return created!;
}

export const updateAgency = command({
  action: "iam:agencies:update",
  input: updateAgencyInput,
  async run({ caller, change }, input) {
    await change(async (tx, guard) => {
      const agency = await findAgency(tx, caller, input.agencyId);
      const validityDays = input.validityKind === "custom" ? input.validityDays! : null;
      // A new validity period starts now; an unchanged one keeps its expiry.
      const validityChanged = input.validityKind !== agency.validityKind || validityDays !== agency.validityDays;
      const expiresAt = validityChanged ? expiryFor(input.validityKind, validityDays, new Date()) : agency.expiresAt;
      const party = await newDelegatedParty(tx, caller, agency, input.delegatedAccount);
      const request: GuardedRequest = {
        action: "iam:agencies:update",
        resource: agencyUrn(caller, agency.name),
        target: `agency ${agency.name}`,
        detail: {
          description: input.description,
          validity: input.validityKind,
          validityDays,
          expiresAt: expiresAt?.toISOString() ?? null,
          ...(party !== null && { delegatedParty: party.label }),
        },
      };
      await guard(request);
      assertNotSwitched(caller, guard, request);
      // Extending (or reviving an expired agency) lends its permissions for longer, and a new delegated
      // account is lent them afresh: either way the caller must hold them.
      const extended = agency.expiresAt !== null && (expiresAt === null || expiresAt > agency.expiresAt);
      if (extended || party !== null) {
        await assertMayHandOn(tx, caller, guard, request, await agencyGrants(tx, agency.id, agency.name), party === null ? "validityKind" : "delegatedAccount");
      }
      await tx
        .update(agencies)
        .set({
          description: input.description,
          validityKind: input.validityKind,
          validityDays,
          expiresAt,
          updatedAt: new Date(),
          ...(party !== null && { delegatedAccountId: party.delegatedAccountId }),
        })
        .where(and(eq(agencies.id, agency.id), eq(agencies.accountId, caller.accountId)));
      // Sessions opened under what changed end now, so that changing it back (or reviving an expired
      // agency) does not bring them back: the old account's, and any left open past the old expiry.
      const ended = party !== null ? "trust_changed" : agency.expiresAt !== null && agency.expiresAt <= new Date() ? "expired" : null;
      if (ended !== null) {
        await tx
          .update(roleSessions)
          .set({ endedAt: new Date(), endedReason: ended })
          .where(and(eq(roleSessions.agencyId, agency.id), isNull(roleSessions.endedAt)));
      }
      // The new account hears of the agency as a new one.
      if (party !== null) await notify(tx, party.delegatedAccountId, "agency_created", { fromAccountName: caller.accountName, subject: agency.name });
      const described = input.description !== agency.description;
      if (validityChanged || described) {
        await notify(tx, agency.delegatedAccountId, "agency_changed", {
          fromAccountName: caller.accountName,
          subject: agency.name,
          detail: { ...(validityChanged && { expiresAt: expiresAt?.toISOString() ?? null }), ...(described && { description: true }) },
        });
      }
    });
  },
});

export const deleteAgency = command({
  action: "iam:agencies:delete",
  input: deleteAgencyInput,
  async run({ caller, change }, { agencyId }): Promise<{ name: string }> {
    return change(async (tx, guard) => {
      const agency = await findAgency(tx, caller, agencyId);
      const request: GuardedRequest = { action: "iam:agencies:delete", resource: agencyUrn(caller, agency.name), target: `agency ${agency.name}` };
      await guard(request);
      assertNotSwitched(caller, guard, request);
      // Every session using it ends now, with the reason its delegated party will be shown.
      await tx
        .update(roleSessions)
        .set({ endedAt: new Date(), endedReason: "agency_deleted" })
        .where(and(eq(roleSessions.agencyId, agency.id), isNull(roleSessions.endedAt)));
      await tx.delete(agencies).where(and(eq(agencies.id, agency.id), eq(agencies.accountId, caller.accountId)));
      await notify(tx, agency.delegatedAccountId, "agency_deleted", { fromAccountName: caller.accountName, subject: agency.name });
      return { name: agency.name };
    });
  },
});

export interface BatchOutcome {
  agencyId: string;
  name: string | null;
  deleted: boolean;
  message: string | null;
}

/**
 * Batch delete from the list: each agency is deleted on its own (decided, written and audited as
 * Delete is), so one refusal does not undo the others; the outcome of each is reported.
 */
export const deleteAgencies = command({
  action: "iam:agencies:delete",
  input: deleteAgenciesInput,
  async run({ db, caller, loginId }, { agencyIds }): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = [];
    for (const agencyId of new Set(agencyIds)) {
      try {
        const { name } = await deleteAgency.execute(db, caller, { agencyId }, loginId);
        outcomes.push({ agencyId, name, deleted: true, message: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ agencyId, name: null, deleted: false, message: error.message });
      }
    }
    return outcomes;
  },
});
