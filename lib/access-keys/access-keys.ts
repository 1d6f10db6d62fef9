/**
 * Access keys (AK/SK): each principal manages its own (at most two); root or a Security
 * Administrator manages a user's, never through a switched role. The secret is shown once, when
 * the key is made, and kept only sealed with the server's key.
 */
import { randomBytes, randomInt } from "node:crypto";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { isIamUser } from "@/lib/iam/iam-user";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { accessKeys, accounts, users } from "@/db/schema";
import { sealSecret } from "@/lib/access-keys/secret-box";
import { ownAccessKeyInput, ownAccessKeyStatusInput, userAccessKeyInput, userAccessKeysInput, userAccessKeyStatusInput } from "@/lib/access-keys/schemas";
import { type Guard, type GuardedRequest, requireAllowed } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { assertMayActAsUser, assertNoCredentialsFromRole, assertNotSwitched } from "@/lib/authz/escalation";
import { urn } from "@/lib/authz/urn";
import { type Caller, ownAccountCaller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { validate } from "@/lib/validation";

export const MAX_ACCESS_KEYS = 2;
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Whose keys: the account's root (userId null) or one of its users. */
export interface KeyOwner {
  accountId: string;
  userId: string | null;
  label: string;
}

export interface CreatedAccessKey {
  accessKeyId: string;
  secret: string;
  owner: string;
}

/** A new key id (20 capitals and digits) and secret; temporary keys of role sessions are made the same way. */
export const newAccessKeyId = () => Array.from({ length: 20 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join("");
export const newSecret = () => randomBytes(30).toString("base64url");

const ownedBy = (owner: KeyOwner) =>
  and(eq(accessKeys.accountId, owner.accountId), owner.userId === null ? isNull(accessKeys.userId) : eq(accessKeys.userId, owner.userId));

export function ownerOf(caller: Caller): KeyOwner {
  const principal = ownAccountCaller(caller);
  return {
    accountId: principal.accountId,
    userId: principal.userId,
    label: principal.userName === null ? `${principal.accountName} (root user)` : `user ${principal.userName}`,
  };
}

async function listFor(db: Db, owner: KeyOwner) {
  return db
    .select({ accessKeyId: accessKeys.accessKeyId, status: accessKeys.status, createdAt: accessKeys.createdAt, lastUsedAt: accessKeys.lastUsedAt })
    .from(accessKeys)
    .where(ownedBy(owner))
    .orderBy(asc(accessKeys.createdAt));
}

/** The caller's own keys (a principal may always see its own). */
export async function listOwnAccessKeys(db: Db, caller: Caller) {
  return listFor(db, ownerOf(caller));
}

async function findUser(db: Db | Tx, caller: Caller, userId: string): Promise<KeyOwner & { name: string }> {
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, caller.accountId), isIamUser));
  if (user === undefined) throw new DomainError("user.not_found", { field: "userId" });
  return { accountId: caller.accountId, userId: user.id, label: `user ${user.name}`, name: user.name };
}

const keysRequest = (caller: Caller, action: GuardedRequest["action"], userName: string): GuardedRequest => ({
  action,
  resource: urn("iam", null, caller.accountId, "user", userName),
  target: `access keys of user ${userName}`,
});

/** A user's keys, for root or whoever may list them. */
export async function listUserAccessKeys(db: Db, caller: Caller, rawUserId: unknown) {
  const { userId } = validate(userAccessKeysInput, { userId: rawUserId });
  const user = await findUser(db, caller, userId);
  await requireAllowed(db, caller, keysRequest(caller, "iam:accessKeys:list", user.name));
  return { user: { id: user.userId!, name: user.name }, keys: await listFor(db, user) };
}

/** Creates a key, holding a lock on its owner so two requests at once cannot pass the maximum. */
async function createFor(tx: Tx, owner: KeyOwner): Promise<CreatedAccessKey> {
  if (owner.userId === null) await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, owner.accountId)).for("update");
  else await tx.select({ id: users.id }).from(users).where(eq(users.id, owner.userId)).for("update");
  const [held] = await tx.select({ n: count() }).from(accessKeys).where(ownedBy(owner));
  if ((held?.n ?? 0) >= MAX_ACCESS_KEYS) throw new DomainError("access_key.limit");
  const secret = newSecret();
  const accessKeyId = newAccessKeyId();
  await tx.insert(accessKeys).values({ accessKeyId, accountId: owner.accountId, userId: owner.userId, secretCiphertext: sealSecret(secret) });
  return { accessKeyId, secret, owner: owner.label };
}

/**
 * `byAdministrator`: a key an administrator turned off stays off until an administrator turns it
 * on again; its owner cannot undo that (it may have been turned off because it leaked).
 */
async function setStatus(tx: Tx, owner: KeyOwner, accessKeyId: string, status: "active" | "inactive", byAdministrator: boolean) {
  const [key] = await tx
    .select({ id: accessKeys.id, lockedByAdministrator: accessKeys.lockedByAdministrator })
    .from(accessKeys)
    .where(and(ownedBy(owner), eq(accessKeys.accessKeyId, accessKeyId)))
    .for("update");
  if (key === undefined) throw new DomainError("access_key.not_found", { field: "accessKeyId" });
  if (!byAdministrator && status === "active" && key.lockedByAdministrator) throw new DomainError("access_key.locked");
  const lockedByAdministrator = byAdministrator ? status === "inactive" : key.lockedByAdministrator && status === "inactive";
  await tx.update(accessKeys).set({ status, lockedByAdministrator }).where(eq(accessKeys.id, key.id));
}

async function remove(tx: Tx, owner: KeyOwner, accessKeyId: string) {
  const removed = await tx
    .delete(accessKeys)
    .where(and(ownedBy(owner), eq(accessKeys.accessKeyId, accessKeyId)))
    .returning({ id: accessKeys.id });
  if (removed.length === 0) throw new DomainError("access_key.not_found", { field: "accessKeyId" });
}

export const createOwnAccessKey = command({
  action: "iam:accessKeys:createOwn",
  input: z.object({}),
  async run({ caller, own }): Promise<CreatedAccessKey> {
    // A key would outlive the provider's say over the person: federated users sign in through it only.
    if (caller.federated !== undefined) throw new DomainError("access_key.federated");
    const owner = ownerOf(caller);
    return own({ target: `access keys of ${owner.label}` }, async (tx) => {
      const created = await createFor(tx, owner);
      // The key's id is recorded, never its secret.
      return { value: created, detail: { accessKeyId: created.accessKeyId } };
    });
  },
});

export const setOwnAccessKeyStatus = command({
  action: "iam:accessKeys:updateOwn",
  input: ownAccessKeyStatusInput,
  async run({ caller, own }, { accessKeyId, status }): Promise<{ accessKeyId: string; status: string }> {
    const owner = ownerOf(caller);
    return own({ target: `access keys of ${owner.label}`, detail: { accessKeyId, status } }, async (tx) => {
      await setStatus(tx, owner, accessKeyId, status, false);
      return { value: { accessKeyId, status } };
    });
  },
});

export const deleteOwnAccessKey = command({
  action: "iam:accessKeys:deleteOwn",
  input: ownAccessKeyInput,
  async run({ caller, own }, { accessKeyId }): Promise<{ accessKeyId: string }> {
    const owner = ownerOf(caller);
    return own({ target: `access keys of ${owner.label}`, detail: { accessKeyId } }, async (tx) => {
      await remove(tx, owner, accessKeyId);
      return { value: { accessKeyId } };
    });
  },
});

/** Whoever holds a user's key acts as that user: only root or a Security Administrator, not through a role, and not for a user who holds more. */
export const createUserAccessKey = command({
  action: "iam:accessKeys:create",
  input: userAccessKeysInput,
  async run({ caller, change }, { userId }): Promise<CreatedAccessKey> {
    return change(async (tx, guard) => {
      const user = await findUser(tx, caller, userId);
      // The key's id is filled in once it exists: the event is written when the change commits.
      const detail: { accessKeyId?: string } = {};
      const request = { ...keysRequest(caller, "iam:accessKeys:create", user.name), detail };
      await guard(request);
      assertNoCredentialsFromRole(caller, guard, request);
      await assertMayActAsUser(tx, caller, guard, request, { id: user.userId!, name: user.name }, "createKeys");
      const created = await createFor(tx, user);
      detail.accessKeyId = created.accessKeyId;
      return created;
    });
  },
});

async function onUserKey(
  caller: Caller,
  tx: Tx,
  guard: Guard,
  action: "iam:accessKeys:update" | "iam:accessKeys:delete",
  userId: string,
  accessKeyId: string,
  detail: Record<string, unknown>,
) {
  const user = await findUser(tx, caller, userId);
  const request = { ...keysRequest(caller, action, user.name), detail: { accessKeyId, ...detail } };
  await guard(request);
  assertNotSwitched(caller, guard, request);
  // Turning a user's key off or on, or deleting it, is as much the user's identity as making one.
  await assertMayActAsUser(tx, caller, guard, request, { id: user.userId!, name: user.name }, "changeKeys");
  return user;
}

export const setUserAccessKeyStatus = command({
  action: "iam:accessKeys:update",
  input: userAccessKeyStatusInput,
  async run({ caller, change }, { userId, accessKeyId, status }): Promise<{ accessKeyId: string; status: string }> {
    return change(async (tx, guard) => {
      const user = await onUserKey(caller, tx, guard, "iam:accessKeys:update", userId, accessKeyId, { status });
      await setStatus(tx, user, accessKeyId, status, true);
      return { accessKeyId, status };
    });
  },
});

export const deleteUserAccessKey = command({
  action: "iam:accessKeys:delete",
  input: userAccessKeyInput,
  async run({ caller, change }, { userId, accessKeyId }): Promise<{ accessKeyId: string }> {
    return change(async (tx, guard) => {
      const user = await onUserKey(caller, tx, guard, "iam:accessKeys:delete", userId, accessKeyId, {});
      await remove(tx, user, accessKeyId);
      return { accessKeyId };
    });
  },
});
