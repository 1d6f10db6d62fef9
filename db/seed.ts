/**
 * The system catalogue (always brought up to date) and the demo world of SPEC.md (by default),
 * which is created once, into an empty database only, and never again: deleting a demo object
 * must not bring it back, nor stop the server from starting.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { systemPolicies } from "@/lib/authz/system-policies";
import { trustedServiceCatalogue } from "@/lib/rd/catalogue";
import type { Db } from "./client";
import {
  accounts,
  agencies,
  agencyPermissions,
  notifications,
  ecsInstances,
  enterpriseProjects,
  groupGrants,
  groupMembers,
  groups,
  obsBuckets,
  policies,
  rdFolders,
  rdMembers,
  regions,
  resourceDirectories,
  settings,
  trustedServices,
  users,
} from "./schema";

export const demoRegions = [
  { id: "cn-north-4", name: "CN North-Beijing4" },
  { id: "ap-southeast-1", name: "AP-Hong Kong" },
  { id: "eu-west-0", name: "EU-Paris" },
];

export async function seedCatalogue(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(regions).values(demoRegions).onConflictDoNothing();
    for (const service of trustedServiceCatalogue) {
      await tx.insert(trustedServices).values(service).onConflictDoUpdate({ target: trustedServices.principal, set: service });
    }
    for (const policy of systemPolicies) {
      const [existing] = await tx
        .select({ id: policies.id })
        .from(policies)
        .where(and(isNull(policies.accountId), eq(policies.name, policy.name)));
      if (existing === undefined) {
        await tx.insert(policies).values({ accountId: null, ...policy });
      } else {
        await tx
          .update(policies)
          .set({ ...policy, updatedAt: new Date() })
          .where(eq(policies.id, existing.id));
      }
    }
  });
}

export const DEMO_USER_PASSWORD = "Passw0rd!";

interface DemoAccount {
  name: string;
  password: string;
  projects: string[];
  users: { name: string; group?: string }[];
  groups: { name: string; description: string; policies: string[] }[];
  instances: { name: string; region: string; project: string; flavor: string; status: "running" | "stopped" }[];
  buckets: { name: string; region: string; project: string; storageClass: "standard" | "warm" | "cold" }[];
}

export const demoAccounts: DemoAccount[] = [
  {
    name: "acme",
    password: "Acme-Passw0rd!",
    projects: ["default", "payments"],
    users: [{ name: "alice", group: "admins" }, { name: "bob" }],
    groups: [{ name: "admins", description: "Account administrators", policies: ["Tenant Administrator", "Security Administrator"] }],
    instances: [
      { name: "web-01", region: "cn-north-4", project: "default", flavor: "s6.medium.2", status: "running" },
      { name: "web-02", region: "ap-southeast-1", project: "default", flavor: "s6.medium.2", status: "running" },
      { name: "pay-api-01", region: "cn-north-4", project: "payments", flavor: "c7.xlarge.2", status: "running" },
      { name: "pay-batch-01", region: "eu-west-0", project: "payments", flavor: "s6.large.2", status: "stopped" },
    ],
    buckets: [
      { name: "acme-logs", region: "cn-north-4", project: "default", storageClass: "standard" },
      { name: "acme-static", region: "eu-west-0", project: "default", storageClass: "standard" },
      { name: "acme-payments-archive", region: "ap-southeast-1", project: "payments", storageClass: "cold" },
    ],
  },
  {
    name: "globex",
    password: "Globex-Passw0rd!",
    projects: ["default"],
    users: [{ name: "gina", group: "operators" }, { name: "gus" }],
    groups: [{ name: "operators", description: "Operate delegated accounts", policies: ["Agent Operator"] }],
    instances: [{ name: "globex-app-01", region: "cn-north-4", project: "default", flavor: "s6.small.1", status: "running" }],
    buckets: [{ name: "globex-data", region: "ap-southeast-1", project: "default", storageClass: "standard" }],
  },
  {
    name: "initech",
    password: "Initech-Passw0rd!",
    projects: ["default"],
    users: [{ name: "ian", group: "admins" }],
    groups: [{ name: "admins", description: "Account administrators", policies: ["Tenant Administrator"] }],
    instances: [{ name: "initech-build-01", region: "eu-west-0", project: "default", flavor: "s6.large.2", status: "stopped" }],
    buckets: [],
  },
  {
    name: "umbrella",
    password: "Umbrella-Passw0rd!",
    projects: ["default"],
    users: [],
    groups: [],
    instances: [],
    buckets: [{ name: "umbrella-research", region: "eu-west-0", project: "default", storageClass: "warm" }],
  },
];

async function seedDemoWorld(tx: Db, userHash: string, rootHashes: string[]): Promise<void> {
  const systemIds = new Map(
    (await tx.select({ id: policies.id, name: policies.name }).from(policies).where(isNull(policies.accountId))).map((p) => [p.name, p.id]),
  );
  for (const [i, demo] of demoAccounts.entries()) {
    const [account] = await tx.insert(accounts).values({ name: demo.name, passwordHash: rootHashes[i]! }).returning();
    const accountId = account!.id;
    const projectIds = new Map<string, string>();
    for (const name of demo.projects) {
      const [project] = await tx.insert(enterpriseProjects).values({ accountId, name }).returning();
      projectIds.set(name, project!.id);
    }
    const groupIds = new Map<string, string>();
    for (const group of demo.groups) {
      const [row] = await tx.insert(groups).values({ accountId, name: group.name, description: group.description }).returning();
      groupIds.set(group.name, row!.id);
      for (const policyName of group.policies) {
        await tx.insert(groupGrants).values({ accountId, groupId: row!.id, policyId: systemIds.get(policyName)!, scopeKind: "all" });
      }
    }
    for (const user of demo.users) {
      const [row] = await tx.insert(users).values({ accountId, name: user.name, passwordHash: userHash }).returning();
      if (user.group !== undefined) await tx.insert(groupMembers).values({ groupId: groupIds.get(user.group)!, userId: row!.id });
    }
    for (const instance of demo.instances) {
      const { region, project, ...rest } = instance;
      await tx.insert(ecsInstances).values({ accountId, regionId: region, enterpriseProjectId: projectIds.get(project)!, ...rest });
    }
    for (const bucket of demo.buckets) {
      const { region, project, ...rest } = bucket;
      await tx.insert(obsBuckets).values({ accountId, regionId: region, enterpriseProjectId: projectIds.get(project)!, ...rest });
    }
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** acme's agencies of the demo world: `globex-ops` (active) and `old-audit` (expired), both delegated to globex. */
async function seedDemoAgencies(tx: Db): Promise<void> {
  const byName = new Map((await tx.select({ id: accounts.id, name: accounts.name }).from(accounts)).map((a) => [a.name, a.id]));
  const acme = byName.get("acme");
  const globex = byName.get("globex");
  if (acme === undefined || globex === undefined) return;
  const policyId = async (name: string) =>
    (
      await tx
        .select({ id: policies.id })
        .from(policies)
        .where(and(isNull(policies.accountId), eq(policies.name, name)))
    )[0]!.id;
  const now = Date.now();
  const [ops] = await tx
    .insert(agencies)
    .values({
      accountId: acme,
      name: "globex-ops",
      type: "account",
      delegatedAccountId: globex,
      validityKind: "unlimited",
      description: "Globex operates acme's ECS fleet",
    })
    .returning();
  await tx.insert(agencyPermissions).values({ agencyId: ops!.id, policyId: await policyId("ECS FullAccess"), scopeKind: "all" });
  // globex was told, as the console tells a delegated account of each agency trusting it.
  await tx.insert(notifications).values({ accountId: globex, kind: "agency_created", fromAccountName: "acme", subject: "globex-ops" });
  const [audit] = await tx
    .insert(agencies)
    .values({
      accountId: acme,
      name: "old-audit",
      type: "account",
      delegatedAccountId: globex,
      validityKind: "custom",
      validityDays: 30,
      expiresAt: new Date(now - DAY_MS),
      description: "Last year's audit by globex",
      createdAt: new Date(now - 31 * DAY_MS),
      updatedAt: new Date(now - 31 * DAY_MS),
    })
    .returning();
  await tx.insert(agencyPermissions).values({ agencyId: audit!.id, policyId: await policyId("OBS ReadOnlyAccess"), scopeKind: "all" });
}

/** acme's resource directory: Root with folders Production (globex) and Development (initech); umbrella stays outside. */
async function seedDemoDirectory(tx: Db): Promise<void> {
  const byName = new Map((await tx.select({ id: accounts.id, name: accounts.name }).from(accounts)).map((a) => [a.name, a.id]));
  const acme = byName.get("acme");
  if (acme === undefined) return;
  const [directory] = await tx.insert(resourceDirectories).values({ managementAccountId: acme }).returning();
  const [root] = await tx.insert(rdFolders).values({ directoryId: directory!.id, parentId: null, name: "Root" }).returning();
  await tx.insert(rdMembers).values({ accountId: acme, directoryId: directory!.id, folderId: root!.id });
  for (const [folderName, member] of [
    ["Production", "globex"],
    ["Development", "initech"],
  ] as const) {
    const [folder] = await tx.insert(rdFolders).values({ directoryId: directory!.id, parentId: root!.id, name: folderName }).returning();
    await tx.insert(rdMembers).values({ accountId: byName.get(member)!, directoryId: directory!.id, folderId: folder!.id });
  }
}

export const DEMO_SEEDED = "demo_seeded";
// Held while deciding, so that two servers starting on one database seed it once.
const SEED_LOCK = 7300;

const seeded = async (db: Db) => (await db.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_SEEDED))).length > 0;

/**
 * The whole demo world of SPEC.md, in one transaction, if this database never had it and holds no
 * account yet; either way the decision is remembered. Returns whether it seeded.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await seeded(db)) return false;
  const userHash = await hashPassword(DEMO_USER_PASSWORD);
  const rootHashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await seeded(tx)) return false;
    const empty = (await tx.select({ id: accounts.id }).from(accounts).limit(1)).length === 0;
    await tx.insert(settings).values({ key: DEMO_SEEDED, value: { seededAt: new Date().toISOString(), intoEmptyDatabase: empty } });
    if (!empty) return false;
    await seedDemoWorld(tx, userHash, rootHashes);
    await seedDemoAgencies(tx);
    await seedDemoDirectory(tx);
    return true;
  });
}
