/** Sign-in: root (account + password) or IAM user (account + user + password). */
import { and, count, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts, signInFailures, users } from "@/db/schema";
import { recordEvent } from "@/lib/audit";
import { SIGN_IN_THROTTLED, THROTTLE_WINDOW_MINUTES } from "@/lib/auth/messages";
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

export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Thrown before any password is checked while an account name or a client address is throttled. */
export class SignInThrottledError extends Error {
  constructor() {
    super(SIGN_IN_THROTTLED);
    this.name = "SignInThrottledError";
  }
}

async function assertNotThrottled(db: Db, accountName: string, address: string) {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MINUTES * 60_000);
  const [byAccount] = await db.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.accountName, accountName), gt(signInFailures.at, since)));
  const [byAddress] = await db.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.address, address), gt(signInFailures.at, since)));
  if (Number(byAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT || Number(byAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
    throw new SignInThrottledError();
  }
}

/** `address` is the client's address as the server sees it, for per-address throttling. */
export async function verifyCredentials(db: Db, raw: unknown, address = "unknown"): Promise<Principal | null> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { account: accountName, user: userName, password } = parsed.data;
  await assertNotThrottled(db, accountName, address);
  const fail = async () => {
    await db.insert(signInFailures).values({ accountName, address });
    return null;
  };
  const [account] = await db.select().from(accounts).where(eq(accounts.name, accountName));
  if (account === undefined) return burnPasswordCheck(password).then(fail);
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
    { action: "iam:sessions:signIn", target: `account ${account.name}`, decision: principal === null ? "deny" : "allow", detail: { address } },
  );
  return principal ?? fail();
}
