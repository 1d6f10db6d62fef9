/** Sign-in: root (account + password) or IAM user (account + user + password). */
import { and, eq, sql } from "drizzle-orm";
import { isIamUser } from "@/lib/iam/iam-user";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { auditDenied, selfService } from "@/lib/authz/authorize";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { admitAttempt, clearPair } from "@/lib/auth/throttle";

export { SignInThrottledError } from "@/lib/auth/throttle";

// A name outside the creation rules cannot exist: it is never looked up, and never shown as if it were a real one.
import { ACCOUNT_NAME, USER_NAME } from "@/lib/auth/name-rules";

// Lengths are generous on purpose: an over-long or odd name is still an attempt to count and record.
export const signInInput = z.object({
  account: z.string().trim().min(1, "Account name is required.").max(256),
  user: z
    .string()
    .trim()
    .max(256)
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  password: z.string().min(1, "Password is required.").max(128),
});

export interface Principal {
  accountId: string;
  userId: string | null;
}

/** Raw text made safe to show: anything but printable ASCII becomes \uXXXX, so look-alikes stay visibly different. */
export function escapeName(raw: string): string {
  const escaped = [...raw.slice(0, 64)]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code >= 0x20 && code <= 0x7e && ch !== "\\") return ch;
      return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
    })
    .join("");
  return raw.length > 64 ? `${escaped}…` : escaped;
}

/** Account names are matched regardless of letter case (they are unique regardless of case). */
export const accountKey = (name: string) => name.toLowerCase().slice(0, 64);

export interface AttemptContext {
  /** The client's address as the server sees it (lib/auth/client-address.ts). */
  address?: string;
  now?: Date;
}

export async function verifyCredentials(db: Db, raw: unknown, context: AttemptContext = {}): Promise<Principal | null> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { account: accountName, user: userName, password } = parsed.data;
  const address = context.address ?? "unknown";
  const key = accountKey(accountName);
  // Admitted and counted as a failure before the password is looked at.
  await admitAttempt(db, key, address, context.now);
  const [account] = ACCOUNT_NAME.test(accountName) ? await db.select().from(accounts).where(sql`lower(${accounts.name}) = ${key}`) : [];
  if (account === undefined) return burnPasswordCheck(password).then(() => null);
  let principal: Principal | null = null;
  let user: { id: string; name: string; passwordHash: string } | undefined;
  if (userName === undefined) {
    if (await verifyPassword(password, account.passwordHash)) principal = { accountId: account.id, userId: null };
  } else {
    [user] = USER_NAME.test(userName)
      ? await db
          .select({ id: users.id, name: users.name, passwordHash: users.passwordHash })
          .from(users)
          .where(and(eq(users.accountId, account.id), isIamUser, sql`lower(${users.name}) = ${userName.toLowerCase()}`))
      : [];
    const ok = user === undefined ? await burnPasswordCheck(password) : await verifyPassword(password, user.passwordHash);
    if (ok && user !== undefined) principal = { accountId: account.id, userId: user.id };
  }
  const unknownUser = userName !== undefined && user === undefined;
  const label = userName === undefined ? null : unknownUser ? `${escapeName(userName)} (unknown user)` : user!.name;
  const attempt: Caller = {
    accountId: account.id,
    accountName: account.name,
    principalAccountId: account.id,
    principalAccountName: account.name,
    userId: principal?.userId ?? null,
    userName: label,
  };
  const request = {
    action: "iam:sessions:signIn",
    target: `account ${account.name}`,
    detail: unknownUser ? { address, unknownUser: true, attemptedUserName: escapeName(userName!) } : { address },
  } as const;
  if (principal === null)
    await auditDenied(db, attempt, { ...request, resource: urn("iam", null, account.id, "account", account.name) }, "errors.auditReason.wrongPassword");
  else await selfService(db, attempt, request, async () => ({ value: undefined }));
  if (principal !== null) await clearPair(db, key, address);
  return principal;
}
