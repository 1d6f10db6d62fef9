/**
 * The demo world as the form fuzz sees it: who may post (signed-in identities) and the ids a form
 * refers to, its own account's and other accounts'. A few objects are added so that every kind of
 * id has one in another account (globex's custom policy and agency) and acme has a second group.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, agencies, enterpriseProjects, groups, policies, rdFolders, users } from "@/db/schema";
import { createAgency } from "@/lib/agencies/agencies";
import type { Caller } from "@/lib/caller";
import { createGroup } from "@/lib/iam/groups";
import { createPolicy } from "@/lib/iam/policies";
import type { Identity } from "./action-harness";
import { callerFor } from "./db";

export const whos = ["acme", "alice", "bob", "globex", "gina", "gus"] as const;
export type Who = (typeof whos)[number];

export interface World {
  identities: Record<Who, Identity>;
  account: Record<"acme" | "globex" | "initech" | "umbrella", string>;
  policy: Record<"ecsRead" | "obsRead" | "ecsFull" | "tenantGuest" | "globexCustom", string>;
  group: Record<"admins" | "auditors" | "globexOperators", string>;
  user: Record<"alice" | "bob" | "gina", string>;
  project: Record<"acmeDefault" | "acmePayments" | "globexDefault", string>;
  folder: Record<"root" | "production" | "development", string>;
  agency: Record<"globexOps" | "oldAudit" | "globexOwn", string>;
  /** A well-formed id that names nothing. */
  nothing: string;
}

const document = '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs:instances:list"]}]}';

// Who signs in as whom: an account's root, or one of its users.
const principals: Record<Who, [account: string, user?: string]> = {
  acme: ["acme"],
  alice: ["acme", "alice"],
  bob: ["acme", "bob"],
  globex: ["globex"],
  gina: ["globex", "gina"],
  gus: ["globex", "gus"],
};

export async function loadWorld(db: Db): Promise<World> {
  const callers = {} as Record<Who, Caller>;
  for (const who of whos) callers[who] = await callerFor(db, ...principals[who]);
  const identities = Object.fromEntries(
    whos.map((who) => [who, { caller: callers[who], loginId: `fuzz-${who}`, roleEnded: null, roleNotice: null }]),
  ) as Record<Who, Identity>;
  const account = async (name: string) => (await db.select().from(accounts).where(eq(accounts.name, name)))[0]!.id;
  const system = async (name: string) =>
    (
      await db
        .select()
        .from(policies)
        .where(and(isNull(policies.accountId), eq(policies.name, name)))
    )[0]!.id;
  const acme = callers.acme.accountId;
  const globex = callers.globex.accountId;
  const group = async (accountId: string, name: string) =>
    (
      await db
        .select()
        .from(groups)
        .where(and(eq(groups.accountId, accountId), eq(groups.name, name)))
    )[0]!.id;
  const user = async (accountId: string, name: string) =>
    (
      await db
        .select()
        .from(users)
        .where(and(eq(users.accountId, accountId), eq(users.name, name)))
    )[0]!.id;
  const project = async (accountId: string, name: string) =>
    (
      await db
        .select()
        .from(enterpriseProjects)
        .where(and(eq(enterpriseProjects.accountId, accountId), eq(enterpriseProjects.name, name)))
    )[0]!.id;
  const folder = async (name: string) => (await db.select().from(rdFolders).where(eq(rdFolders.name, name)))[0]!.id;
  const agency = async (name: string) =>
    (
      await db
        .select()
        .from(agencies)
        .where(and(eq(agencies.accountId, acme), eq(agencies.name, name)))
    )[0]!.id;
  const ecsRead = await system("ECS ReadOnlyAccess");
  await createGroup(db, callers.acme, { name: "auditors", description: "added by the form fuzz" });
  const globexCustom = (await createPolicy(db, callers.globex, { name: "globex-private", document })).id;
  const globexOwn = (
    await createAgency(db, callers.globex, {
      name: "globex-outbound",
      type: "account",
      delegatedAccount: "umbrella",
      validityKind: "unlimited",
      policyIds: [ecsRead],
      scopeKind: "all",
    })
  ).id;
  return {
    identities,
    account: { acme, globex, initech: await account("initech"), umbrella: await account("umbrella") },
    policy: {
      ecsRead,
      obsRead: await system("OBS ReadOnlyAccess"),
      ecsFull: await system("ECS FullAccess"),
      tenantGuest: await system("Tenant Guest"),
      globexCustom,
    },
    group: { admins: await group(acme, "admins"), auditors: await group(acme, "auditors"), globexOperators: await group(globex, "operators") },
    user: { alice: await user(acme, "alice"), bob: await user(acme, "bob"), gina: await user(globex, "gina") },
    project: { acmeDefault: await project(acme, "default"), acmePayments: await project(acme, "payments"), globexDefault: await project(globex, "default") },
    folder: { root: await folder("Root"), production: await folder("Production"), development: await folder("Development") },
    agency: { globexOps: await agency("globex-ops"), oldAudit: await agency("old-audit"), globexOwn },
    nothing: "3b241101-e2bb-4255-8caf-4136c566a962",
  };
}
