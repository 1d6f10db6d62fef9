/**
 * The policy simulator: what the one engine would decide for a user, a user group or an agency of
 * this account, with the statement that decides. It evaluates exactly as enforcement does.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agencies, groups, identityProviders, users } from "@/db/schema";
import { agencyGrants, callerContext, grantsFor, groupGrantsOf, requireAllowed } from "@/lib/authz/authorize";
import { evaluate, explainDecision, type Decision, type Grant } from "@/lib/authz/engine";
import { urn } from "@/lib/authz/urn";
import { type Caller, userLabel } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { phrase, spoken, term } from "@/lib/i18n/message";
import { id, requiredText, validate } from "@/lib/validation";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const simulateInput = z.object({
  principalType: z.enum(["user", "group", "agency"], { error: phrase("validation.simulator.selectPrincipalType") }),
  principalId: id("principal"),
  action: requiredText("action", 128).regex(/^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+(:[A-Za-z0-9*?]+)?$/, phrase("validation.simulator.actionFormat")),
  resource: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(512, phrase("validation.tooLong", { field: term("validation.fields.resource"), max: 512 }))
      .optional(),
  ),
  regionId: z.preprocess(blank, z.string().max(64).optional()),
  enterpriseProjectId: z.preprocess(blank, id("enterpriseProject").optional()),
});

export interface Simulation {
  principal: string;
  decision: Decision;
  explanation: string;
}

async function principalGrants(
  db: Db,
  caller: Caller,
  type: "user" | "group" | "agency",
  principalId: string,
): Promise<{ label: string; grants: Grant[]; context?: Record<string, string> | undefined }> {
  if (type === "user") {
    const [found] = await db
      .select({ user: users, provider: identityProviders.name })
      .from(users)
      .leftJoin(identityProviders, eq(identityProviders.id, users.providerId))
      .where(and(eq(users.id, principalId), eq(users.accountId, caller.accountId)));
    if (found === undefined) throw new DomainError("user.not_found", { field: "principalId" });
    const { user, provider } = found;
    const asUser: Caller = {
      accountId: caller.accountId,
      accountName: caller.accountName,
      principalAccountId: caller.accountId,
      principalAccountName: caller.accountName,
      userId: user.id,
      userName: user.name,
      agency: null,
      ...(user.providerId !== null && { federated: { providerId: user.providerId, provider: provider!, subject: user.subject ?? "" } }),
    };
    // The user's own condition keys too, as the engine answers them for that user's requests.
    return { label: `user ${userLabel(user.name, provider)}`, grants: await grantsFor(db, asUser), context: callerContext(asUser) };
  }
  if (type === "group") {
    const [group] = await db
      .select()
      .from(groups)
      .where(and(eq(groups.id, principalId), eq(groups.accountId, caller.accountId)));
    if (group === undefined) throw new DomainError("group.not_found", { field: "principalId" });
    return { label: `user group ${group.name}`, grants: await groupGrantsOf(db, caller.accountId, group.id) };
  }
  const [agency] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, principalId), eq(agencies.accountId, caller.accountId)));
  if (agency === undefined) throw new DomainError("agency.not_found", { field: "principalId" });
  return { label: `agency ${agency.name}`, grants: await agencyGrants(db, agency.id, agency.name) };
}

export async function simulate(db: Db, caller: Caller, raw: unknown): Promise<Simulation> {
  const input = validate(simulateInput, raw);
  await requireAllowed(db, caller, {
    action: "iam:permissions:simulate",
    resource: urn("iam", null, caller.accountId, "policy", "*"),
    target: "policy simulator",
  });
  const { label, grants, context } = await principalGrants(db, caller, input.principalType, input.principalId);
  const decision = evaluate(grants, {
    ...(context === undefined ? {} : { context }),
    action: input.action,
    resource: input.resource ?? "*",
    region: input.regionId ?? null,
    enterpriseProjectId: input.enterpriseProjectId ?? null,
  });
  return { principal: label, decision, explanation: spoken(explainDecision(decision)) };
}

/** Everything the simulator can be asked about, for its picker. */
export async function simulatorPrincipals(db: Db, caller: Caller) {
  await requireAllowed(db, caller, {
    action: "iam:permissions:simulate",
    resource: urn("iam", null, caller.accountId, "policy", "*"),
    target: "policy simulator",
  });
  const [userRows, groupRows, agencyRows] = await Promise.all([
    // A federated user is named with its provider: it may share an IAM user's name.
    db
      .select({ id: users.id, name: users.name, provider: identityProviders.name })
      .from(users)
      .leftJoin(identityProviders, eq(identityProviders.id, users.providerId))
      .where(eq(users.accountId, caller.accountId))
      .orderBy(users.name)
      .then((rows) => rows.map((u) => ({ id: u.id, name: userLabel(u.name, u.provider) }))),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.accountId, caller.accountId)).orderBy(groups.name),
    db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.accountId, caller.accountId)).orderBy(agencies.name).limit(500),
  ]);
  return { users: userRows, groups: groupRows, agencies: agencyRows };
}
