/**
 * Favourite roles: recent roles a principal pinned with a display name and a colour, kept on the
 * server so they follow it to any browser. They are shortcuts to Switch Role and grant nothing.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, agencies, favouriteRoles, recentRoles, type RoleColour } from "@/db/schema";
import { isExpired } from "@/lib/agencies/validity";
import { authorizer } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { ownAccountCaller, type Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { ownedBy } from "@/lib/owned-by";
import { assumeRequest } from "@/lib/roles/role-sessions";
import { pinRoleInput, unpinRoleInput } from "@/lib/roles/schemas";

interface RoleRef {
  accountName: string;
  agencyName: string;
}

export interface FavouriteRole {
  accountName: string;
  agencyName: string;
  displayName: string;
  colour: RoleColour;
  /** Whether the role can be switched to now: the agency is usable and the principal's policies allow it (a favourite is kept either way). */
  allowed: boolean;
}

/** The agencies named by `roles` that trust the principal's account and have not expired, as `agency@account` keys. */
async function usableRoles(db: Db | Tx, principal: Caller, roles: RoleRef[]): Promise<Set<string>> {
  if (roles.length === 0) return new Set();
  const rows = await db
    .select({ agencyName: agencies.name, accountName: accounts.name, expiresAt: agencies.expiresAt })
    .from(agencies)
    .innerJoin(accounts, eq(accounts.id, agencies.accountId))
    .where(and(eq(agencies.delegatedAccountId, principal.accountId), inArray(agencies.name, [...new Set(roles.map((r) => r.agencyName))])));
  const now = new Date();
  return new Set(rows.filter((r) => !isExpired(r.expiresAt, now)).map((r) => `${r.agencyName}@${r.accountName}`));
}

export async function favouriteRolesOf(db: Db, caller: Caller): Promise<FavouriteRole[]> {
  const principal = ownAccountCaller(caller);
  const [check, rows] = await Promise.all([
    authorizer(db, principal),
    db
      .select({
        accountName: favouriteRoles.accountName,
        agencyName: favouriteRoles.agencyName,
        displayName: favouriteRoles.displayName,
        colour: favouriteRoles.colour,
      })
      .from(favouriteRoles)
      .where(ownedBy(favouriteRoles, principal))
      .orderBy(asc(favouriteRoles.displayName), asc(favouriteRoles.createdAt)),
  ]);
  const usable = await usableRoles(db, principal, rows);
  return rows.map((r) => ({
    ...r,
    allowed: usable.has(`${r.agencyName}@${r.accountName}`) && check(assumeRequest(principal, r.accountName, r.agencyName)).allowed,
  }));
}

/** The favourite matching the role the caller is switched into, for the top bar's name and colour. */
export async function currentFavourite(db: Db, caller: Caller): Promise<FavouriteRole | null> {
  if (!caller.agency) return null;
  const agencyName = caller.agency.name;
  return (await favouriteRolesOf(db, caller)).find((f) => f.accountName === caller.accountName && f.agencyName === agencyName) ?? null;
}

const roleOf = (principal: Caller, table: typeof favouriteRoles | typeof recentRoles, role: { accountName: string; agencyName: string }) =>
  and(ownedBy(table, principal), eq(table.accountName, role.accountName), eq(table.agencyName, role.agencyName));

/** Pins one of the principal's recent roles, or renames and recolours a favourite. */
export const pinRole = command({
  action: "iam:favouriteRoles:pin",
  input: pinRoleInput,
  async run({ own, caller }, input) {
    const principal = ownAccountCaller(caller);
    const role = `${input.agencyName}@${input.accountName}`;
    return own({ target: `favourite role ${role}`, detail: { displayName: input.displayName, colour: input.colour } }, async (tx) => {
      // Only a role the principal has switched to: a favourite is a shortcut to it, not a way to store arbitrary names.
      const [recent] = await tx
        .select({ id: recentRoles.id })
        .from(recentRoles)
        .where(roleOf(principal, recentRoles, input));
      if (recent === undefined) throw new DomainError("role.favourite_not_recent");
      // A role that can no longer be switched to would be a dead shortcut; the answer is Switch Role's own.
      if (!(await usableRoles(tx, principal, [input])).has(role)) throw new DomainError("role.unavailable");
      await tx
        .insert(favouriteRoles)
        .values({ ...input, principalAccountId: principal.principalAccountId, principalUserId: principal.userId })
        .onConflictDoUpdate({
          target: [favouriteRoles.principalAccountId, favouriteRoles.principalUserId, favouriteRoles.accountName, favouriteRoles.agencyName],
          set: { displayName: input.displayName, colour: input.colour },
        });
      return { value: { displayName: input.displayName } };
    });
  },
});

export const unpinRole = command({
  action: "iam:favouriteRoles:unpin",
  input: unpinRoleInput,
  async run({ own, caller }, input) {
    const principal = ownAccountCaller(caller);
    return own({ target: `favourite role ${input.agencyName}@${input.accountName}` }, async (tx) => {
      const removed = await tx
        .delete(favouriteRoles)
        .where(roleOf(principal, favouriteRoles, input))
        .returning({ displayName: favouriteRoles.displayName });
      if (removed.length === 0) throw new DomainError("role.favourite_not_found");
      return { value: { displayName: removed[0]!.displayName } };
    });
  },
});
