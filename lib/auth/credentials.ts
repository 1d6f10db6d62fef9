/** Sign-in: root (account + password) or IAM user (account + user + password). */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { recordEvent } from "@/lib/audit";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";

export const signInInput = z.object({
  account: z.string().trim().min(1, "Account name is required.").max(64),
  user: z.string().trim().max(32).optional().transform((v) => (v === "" ? undefined : v)),
  password: z.string().min(1, "Password is required.").max(128),
});

export interface Principal {
  accountId: string;
  userId: string | null;
}

export const SIGN_IN_FAILED = "Incorrect account name, IAM user name or password.";

export async function verifyCredentials(db: Db, raw: unknown): Promise<Principal | null> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { account: accountName, user: userName, password } = parsed.data;
  const [account] = await db.select().from(accounts).where(eq(accounts.name, accountName));
  if (account === undefined) return burnPasswordCheck(password).then(() => null);
  let principal: Principal | null = null;
  if (userName === undefined) {
    if (await verifyPassword(password, account.passwordHash)) principal = { accountId: account.id, userId: null };
  } else {
    const [user] = await db
      .select()
      .from(users)
      .where(and(eq(users.accountId, account.id), eq(users.name, userName)));
    const ok = user === undefined ? await burnPasswordCheck(password) : await verifyPassword(password, user.passwordHash);
    if (ok && user !== undefined) principal = { accountId: account.id, userId: user.id };
  }
  await recordEvent(
    db,
    {
      accountId: account.id,
      accountName: account.name,
      principalAccountId: account.id,
      principalAccountName: account.name,
      userId: principal?.userId ?? null,
      userName: userName ?? null,
    },
    { action: "iam:sessions:signIn", target: `account ${account.name}`, decision: principal === null ? "deny" : "allow" },
  );
  return principal;
}
