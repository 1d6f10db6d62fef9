/**
 * A federated user as of its latest sign-in: found by provider and subject (created the first time),
 * named and placed in groups as the conversion rules decided. Its groups are replaced at every
 * sign-in, so a rule or a claim that changed takes effect the next time the person signs in.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { groupMembers, type IdentityProvider, users } from "@/db/schema";
import { groupsNamedIn } from "@/lib/iam/groups";

export type Admission = { ok: true; userId: string } | { ok: false; missingGroup: string };

export async function admitFederatedUser(
  tx: Tx,
  provider: IdentityProvider,
  subject: string,
  conversion: { name: string; groups: string[] },
): Promise<Admission> {
  const found = await groupsNamedIn(tx, provider.accountId, conversion.groups);
  // A group deleted since the rules were written: the person is refused rather than let in with less (or more) than meant.
  const missing = conversion.groups.find((g) => !found.has(g.toLowerCase()));
  if (missing !== undefined) return { ok: false, missingGroup: missing };
  const now = new Date();
  const [user] = await tx
    .insert(users)
    // No password: "!" is no hash any password verifies against, and password sign-in skips federated rows anyway.
    .values({ accountId: provider.accountId, name: conversion.name, passwordHash: "!", providerId: provider.id, subject, lastSignInAt: now })
    .onConflictDoUpdate({ target: [users.providerId, users.subject], set: { name: conversion.name, lastSignInAt: now } })
    .returning({ id: users.id });
  await tx.delete(groupMembers).where(eq(groupMembers.userId, user!.id));
  if (found.size > 0) {
    await tx
      .insert(groupMembers)
      .values([...found.values()].map((g) => ({ groupId: g.id, userId: user!.id })))
      .onConflictDoNothing();
  }
  return { ok: true, userId: user!.id };
}
