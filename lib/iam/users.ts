import { and, asc, eq } from "drizzle-orm";
import { isIamUser } from "@/lib/iam/iam-user";
import type { Db } from "@/db/client";
import { groupMembers, groups, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { authorize, type GuardedRequest, requireAllowed } from "@/lib/authz/authorize";
import { assertNoCredentialsFromRole } from "@/lib/authz/escalation";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { createUserInput, userIdInput } from "@/lib/iam/schemas";
import { isUniqueViolation } from "@/lib/validation";
import { command } from "@/lib/authz/command";

const userUrn = (caller: Caller, name: string) => urn("iam", null, caller.accountId, "user", name);

export interface UserRow {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  groups: { id: string; name: string }[];
}

export async function listUsers(db: Db, caller: Caller): Promise<UserRow[]> {
  await requireAllowed(db, caller, { action: "iam:users:list", resource: userUrn(caller, "*"), target: "users" });
  const rows = await db
    .select({ user: users, groupId: groups.id, groupName: groups.name })
    .from(users)
    .leftJoin(groupMembers, eq(groupMembers.userId, users.id))
    .leftJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(users.accountId, caller.accountId), isIamUser))
    .orderBy(asc(users.name), asc(groups.name));
  const byId = new Map<string, UserRow>();
  for (const { user, groupId, groupName } of rows) {
    let row = byId.get(user.id);
    if (row === undefined) {
      row = { id: user.id, name: user.name, description: user.description, createdAt: user.createdAt, groups: [] };
      byId.set(user.id, row);
    }
    if (groupId !== null && groupName !== null) row.groups.push({ id: groupId, name: groupName });
  }
  return [...byId.values()];
}

/** Users to offer in a picker: empty, without recording a denial, when the caller may not list them. */
export async function userChoices(db: Db, caller: Caller): Promise<{ id: string; name: string }[]> {
  const decision = await authorize(db, caller, { action: "iam:users:list", resource: userUrn(caller, "*") });
  if (!decision.allowed) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.accountId, caller.accountId), isIamUser))
    .orderBy(asc(users.name));
}

/** An IAM user of the caller's account; with `orFederated`, a federated user too (for what an administrator may take away). */
export async function findUser(db: Db, caller: Caller, userId: string, options: { orFederated?: boolean } = {}) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, caller.accountId), options.orFederated ? undefined : isIamUser));
  if (user === undefined) throw new DomainError("user.not_found", { field: "userId" });
  return user;
}

export const createUser = command({
  action: "iam:users:create",
  input: createUserInput,
  async run({ caller, change }, input): Promise<{ id: string; name: string }> {
    const passwordHash = await hashPassword(input.password);
    return change(async (tx, guard) => {
      const request: GuardedRequest = { action: "iam:users:create", resource: userUrn(caller, input.name), target: `user ${input.name}` };
      await guard(request);
      assertNoCredentialsFromRole(caller, guard, request);
      try {
        const [created] = await tx
          .insert(users)
          .values({ accountId: caller.accountId, name: input.name, description: input.description, passwordHash })
          .returning({ id: users.id, name: users.name });
        return created!;
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError("user.name_taken", { field: "name" });
        throw error;
      }
    });
  },
});

export const deleteUser = command({
  action: "iam:users:delete",
  input: userIdInput,
  async run({ caller, change }, { userId: id }): Promise<void> {
    await change(async (tx, guard) => {
      const user = await findUser(tx, caller, id);
      await guard({ action: "iam:users:delete", resource: userUrn(caller, user.name), target: `user ${user.name}` });
      if (user.id === caller.userId) {
        throw new DomainError("user.self_delete");
      }
      await tx.delete(users).where(and(eq(users.id, user.id), eq(users.accountId, caller.accountId)));
    });
  },
});
