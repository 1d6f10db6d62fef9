import "server-only";
import { and, eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { accounts, users } from "@/db/schema";
import { authOptions } from "@/lib/auth/options";
import type { Caller } from "@/lib/caller";

/** The caller of this request, re-read from the database so a deleted user or account loses access at once. */
export async function getCaller(): Promise<Caller | null> {
  const session = await getServerSession(authOptions);
  if (!session?.accountId) return null;
  const db = await getDb();
  const [account] = await db.select().from(accounts).where(eq(accounts.id, session.accountId));
  if (account === undefined) return null;
  let userName: string | null = null;
  if (session.userId !== null) {
    const [user] = await db
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.id, session.userId), eq(users.accountId, account.id)));
    if (user === undefined) return null;
    userName = user.name;
  }
  return {
    accountId: account.id,
    accountName: account.name,
    principalAccountId: account.id,
    principalAccountName: account.name,
    userId: session.userId,
    userName,
  };
}

export async function requireCaller(): Promise<Caller> {
  const caller = await getCaller();
  if (caller === null) redirect("/sign-in");
  return caller;
}
