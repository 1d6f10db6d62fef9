/**
 * Passwords: a principal changes its own (knowing the current one); root or a Security
 * Administrator resets a user's. Either ends the sign-ins the old password opened, since whoever
 * knew it may be holding one of them.
 */
import { and, eq } from "drizzle-orm";
import { isIamUser } from "@/lib/iam/iam-user";
import { z } from "zod";
import { accounts, users } from "@/db/schema";
import { endSignIns } from "@/lib/auth/sign-ins";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { GuardedRequest } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { assertMayActAsUser, assertNoCredentialsFromRole } from "@/lib/authz/escalation";
import { urn } from "@/lib/authz/urn";
import { ownAccountCaller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { confirmPassword, password, passwordsDiffer } from "@/lib/iam/schemas";
import { phrase } from "@/lib/i18n/message";
import { id } from "@/lib/validation";

const confirmed = <T extends { password: string; confirmPassword: string }>(v: T) => v.password === v.confirmPassword;

const currentPasswordRequired = phrase("validation.iam.currentPasswordRequired");

export const changePasswordInput = z
  .object({
    currentPassword: z.string({ error: currentPasswordRequired }).min(1, currentPasswordRequired).max(128, currentPasswordRequired),
    password,
    confirmPassword,
  })
  .refine(confirmed, passwordsDiffer)
  .refine((v) => v.password !== v.currentPassword, { message: phrase("validation.iam.samePassword"), path: ["password"] });

export const resetPasswordInput = z.object({ userId: id("user"), password, confirmPassword }).refine(confirmed, passwordsDiffer);

/** Changes the signed-in principal's own password (never a role's: a role has none) and ends its other sign-ins. */
export const changeOwnPassword = command({
  action: "iam:users:changePassword",
  input: changePasswordInput,
  async run({ db, caller, loginId, own }, input): Promise<void> {
    if (caller.federated !== undefined) throw new DomainError("user.federated_password", { field: "currentPassword" });
    const principal = ownAccountCaller(caller);
    const [row] =
      principal.userId === null
        ? await db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, principal.accountId))
        : await db
            .select({ hash: users.passwordHash })
            .from(users)
            .where(and(eq(users.id, principal.userId), eq(users.accountId, principal.accountId), isIamUser));
    if (row === undefined || !(await verifyPassword(input.currentPassword, row.hash))) {
      throw new DomainError("validation.failed", { field: "currentPassword", message: phrase("validation.iam.currentPasswordWrong") });
    }
    const hash = await hashPassword(input.password);
    const target = principal.userName === null ? `account ${principal.accountName}` : `user ${principal.userName}`;
    await own({ target }, async (tx) => {
      if (principal.userId === null) await tx.update(accounts).set({ passwordHash: hash }).where(eq(accounts.id, principal.accountId));
      else await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, principal.userId));
      const ended = await endSignIns(tx, { accountId: principal.accountId, userId: principal.userId }, "password_changed", loginId);
      return { value: undefined, detail: { endedSignIns: ended } };
    });
  },
});

/**
 * Sets another user's password: whoever does it can sign in as that user, so only root or a
 * Security Administrator, never through a switched role, and never for a user who holds more
 * than the caller.
 */
export const resetUserPassword = command({
  action: "iam:users:resetPassword",
  input: resetPasswordInput,
  async run({ caller, change }, input): Promise<{ userName: string }> {
    const hash = await hashPassword(input.password);
    return change(async (tx, guard) => {
      const [user] = await tx
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.id, input.userId), eq(users.accountId, caller.accountId), isIamUser));
      if (user === undefined) throw new DomainError("user.not_found", { field: "userId" });
      const request: GuardedRequest = {
        action: "iam:users:resetPassword",
        resource: urn("iam", null, caller.accountId, "user", user.name),
        target: `user ${user.name}`,
      };
      await guard(request);
      assertNoCredentialsFromRole(caller, guard, request);
      if (user.id === caller.userId) throw new DomainError("validation.failed", { field: "userId", message: phrase("validation.iam.changeOwnPassword") });
      await assertMayActAsUser(tx, caller, guard, request, user, "setPassword");
      await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id));
      await endSignIns(tx, { accountId: caller.accountId, userId: user.id }, "password_reset");
      return { userName: user.name };
    });
  },
});
