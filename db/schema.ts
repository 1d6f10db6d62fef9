import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { scopeKinds, type ScopeKind } from "@/lib/scope";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// Names are unique regardless of letter case (SPEC), enforced by the database so that parallel
// creates of `Race-Case` and `race-case` cannot both succeed.
const lower = (column: AnyPgColumn) => sql`lower(${column})`;

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** The root user's chosen console language (null: follow the browser). */
    language: text("language"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("accounts_name_lower").on(lower(t.name)),
    // Member search in a directory of thousands (ILIKE '%…%'); no pending list, as for agencies (migration 0018).
    index("accounts_name_trgm").using("gin", sql`${t.name} public.gin_trgm_ops`).with({ fastupdate: false }),
  ],
);
export type Account = typeof accounts.$inferSelect;

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    /** The user's chosen console language (null: follow the browser). */
    language: text("language"),
    createdAt: createdAt(),
    /**
     * Set for a federated user: who signed in through this identity provider, as its `sub` claim.
     * A federated user has no password and is never an IAM user of the account's user list; its
     * name comes from the provider's conversion rules and its groups are set at every sign-in.
     */
    providerId: uuid("provider_id").references((): AnyPgColumn => identityProviders.id, { onDelete: "cascade" }),
    subject: text("subject"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (t) => [
    // IAM user names are unique in an account; federated users are told apart by provider and subject.
    uniqueIndex("users_account_name_lower").on(t.accountId, lower(t.name)).where(sql`${t.providerId} is null`),
    uniqueIndex("users_provider_subject").on(t.providerId, t.subject),
  ],
);
export type User = typeof users.$inferSelect;

/** An account's OpenID Connect identity providers (IAM → Identity Providers). */
export const identityProviders = pgTable(
  "identity_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** Part of every federated user's identity, so it cannot be changed once created (as in Huawei IAM). */
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    /** Sealed with the server's key (lib/access-keys/secret-box.ts). */
    clientSecret: text("client_secret").notNull(),
    scopes: text("scopes").notNull().default("openid email profile"),
    /** The identity conversion rules, as the administrator wrote them (lib/federation/rules.ts). */
    rules: jsonb("rules").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("identity_providers_account_name_lower").on(t.accountId, lower(t.name))],
);
export type IdentityProvider = typeof identityProviders.$inferSelect;

export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("groups_account_name_lower").on(t.accountId, lower(t.name))],
);
export type Group = typeof groups.$inferSelect;

export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("group_members_user").on(t.userId)],
);

/** accountId is null for the system catalogue (roles and system policies). */
export const policies = pgTable(
  "policies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["system_role", "system_policy", "custom"] }).notNull(),
    description: text("description").notNull().default(""),
    document: jsonb("document").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The system catalogue has no account: coalesce makes its names one more namespace.
  (t) => [uniqueIndex("policies_account_name_lower").on(sql`coalesce(${t.accountId}::text, '')`, lower(t.name))],
);
export type Policy = typeof policies.$inferSelect;

export { scopeKinds, type ScopeKind };

export const groupGrants = pgTable(
  "group_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    scopeKind: text("scope_kind", { enum: scopeKinds }).notNull(),
    // Region ids or enterprise project ids, depending on scopeKind; empty otherwise.
    scopeValues: text("scope_values").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [unique("group_grants_group_policy").on(t.groupId, t.policyId)],
);
export type GroupGrant = typeof groupGrants.$inferSelect;

export const regions = pgTable("regions", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
});
export type Region = typeof regions.$inferSelect;

export const enterpriseProjects = pgTable(
  "enterprise_projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("enterprise_projects_account_name").on(t.accountId, t.name)],
);
export type EnterpriseProject = typeof enterpriseProjects.$inferSelect;

export const ecsInstances = pgTable(
  "ecs_instances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    enterpriseProjectId: uuid("enterprise_project_id")
      .notNull()
      .references(() => enterpriseProjects.id),
    flavor: text("flavor").notNull(),
    status: text("status", { enum: ["running", "stopped"] })
      .notNull()
      .default("running"),
    createdAt: createdAt(),
  },
  (t) => [index("ecs_instances_account").on(t.accountId, t.createdAt)],
);
export type EcsInstance = typeof ecsInstances.$inferSelect;

export const obsBuckets = pgTable(
  "obs_buckets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    enterpriseProjectId: uuid("enterprise_project_id")
      .notNull()
      .references(() => enterpriseProjects.id),
    storageClass: text("storage_class", { enum: ["standard", "warm", "cold"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("obs_buckets_account_name").on(t.accountId, t.name)],
);
export type ObsBucket = typeof obsBuckets.$inferSelect;

/** Append-only: the console never updates or deletes a row here. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // The account the action happened in (whose audit trail shows it).
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    actorAccountId: uuid("actor_account_id").references(() => accounts.id, { onDelete: "set null" }),
    actorUserId: uuid("actor_user_id"),
    actor: text("actor").notNull(),
    agencyId: uuid("agency_id"),
    agencyName: text("agency_name"),
    action: text("action").notNull(),
    target: text("target").notNull(),
    decision: text("decision", { enum: ["allow", "deny"] }).notNull(),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
  },
  // Pages are read newest first by (at, id) (keyset), per account, optionally narrowed by one of these columns.
  (t) => [
    index("audit_events_account_at_id").on(t.accountId, t.at, t.id),
    index("audit_events_account_actor_at_id").on(t.accountId, t.actor, t.at, t.id),
    index("audit_events_account_action_at_id").on(t.accountId, t.action, t.at, t.id),
    index("audit_events_account_agency_at_id").on(t.accountId, t.agencyName, t.at, t.id),
    index("audit_events_account_decision_at_id").on(t.accountId, t.decision, t.at, t.id),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

export const agencyTypes = ["account", "service"] as const;
export const validityKinds = ["unlimited", "one_day", "custom"] as const;

export const agencies = pgTable(
  "agencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The delegating account, which lends its permissions.
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type", { enum: agencyTypes }).notNull(),
    delegatedAccountId: uuid("delegated_account_id").references(() => accounts.id, { onDelete: "cascade" }),
    service: text("service"),
    validityKind: text("validity_kind", { enum: validityKinds }).notNull(),
    validityDays: integer("validity_days"),
    /** null while the validity is Unlimited. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agencies_account_name_lower").on(t.accountId, lower(t.name)),
    index("agencies_account_created").on(t.accountId, t.createdAt, t.id),
    // The list's other orders, read by keyset (lib/agencies/agencies.ts): Unlimited sorts after every date either way.
    index("agencies_account_name").on(t.accountId, t.name, t.id),
    index("agencies_account_expiry_asc").on(t.accountId, sql`coalesce(${t.expiresAt}, 'infinity'::timestamptz)`, t.id),
    index("agencies_account_expiry_desc").on(t.accountId, sql`coalesce(${t.expiresAt}, '-infinity'::timestamptz)`, t.id),
    // Substring search (ILIKE '%…%') through trigrams; pg_trgm lives in the public schema (migration 0017).
    // No pending list: every search would read it whole until a vacuum merged it (4 MB after a bulk load).
    index("agencies_name_trgm").using("gin", sql`${t.name} public.gin_trgm_ops`).with({ fastupdate: false }),
    index("agencies_delegated_account").on(t.delegatedAccountId),
  ],
);
export type Agency = typeof agencies.$inferSelect;

export const agencyPermissions = pgTable(
  "agency_permissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id, { onDelete: "cascade" }),
    scopeKind: text("scope_kind", { enum: scopeKinds }).notNull(),
    scopeValues: text("scope_values").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [unique("agency_permissions_agency_policy").on(t.agencyId, t.policyId)],
);
export type AgencyPermission = typeof agencyPermissions.$inferSelect;

export const roleEndReasons = ["switched_back", "signed_out", "expired", "agency_deleted", "ended_by_owner", "trust_changed"] as const;
export type RoleEndReason = (typeof roleEndReasons)[number];

/** A delegated party acting in the delegating account through an agency; checked on every request. */
export const roleSessions = pgTable(
  "role_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Kept (set null) when the agency is deleted, so the party learns why its session ended.
    agencyId: uuid("agency_id").references(() => agencies.id, { onDelete: "set null" }),
    agencyName: text("agency_name").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    principalAccountId: uuid("principal_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    principalUserId: uuid("principal_user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The sign-in this role session belongs to; a new sign-in never resumes it. */
    loginId: text("login_id").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason", { enum: roleEndReasons }),
    /** Set when the session was asked for a shorter life than a sign-in's (temporary API credentials). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("role_sessions_agency").on(t.agencyId, t.endedAt), index("role_sessions_principal").on(t.principalAccountId, t.principalUserId)],
);
export type RoleSession = typeof roleSessions.$inferSelect;

export const recentRoles = pgTable(
  "recent_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    principalAccountId: uuid("principal_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    principalUserId: uuid("principal_user_id").references(() => users.id, { onDelete: "cascade" }),
    accountName: text("account_name").notNull(),
    agencyName: text("agency_name").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("recent_roles_principal_role").on(t.principalAccountId, t.principalUserId, t.accountName, t.agencyName).nullsNotDistinct(),
    index("recent_roles_principal_used").on(t.principalAccountId, t.principalUserId, t.lastUsedAt),
  ],
);

export const resourceDirectories = pgTable("resource_directories", {
  id: uuid("id").primaryKey().defaultRandom(),
  managementAccountId: uuid("management_account_id")
    .notNull()
    .unique()
    .references(() => accounts.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});
export type ResourceDirectory = typeof resourceDirectories.$inferSelect;

/** The Root folder has no parent; every other folder sits under Root or another folder. */
export const rdFolders = pgTable(
  "rd_folders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => resourceDirectories.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => rdFolders.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("rd_folders_parent_name").on(t.directoryId, t.parentId, t.name).nullsNotDistinct(),
    index("rd_folders_parent").on(t.parentId),
    // A Move's choices: the directory's folders by name.
    index("rd_folders_directory_name").on(t.directoryId, lower(t.name), t.id),
  ],
);
export type RdFolder = typeof rdFolders.$inferSelect;

/** An account belongs to at most one resource directory; the management account is a member of its own. */
export const rdMembers = pgTable(
  "rd_members",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => resourceDirectories.id, { onDelete: "cascade" }),
    folderId: uuid("folder_id")
      .notNull()
      .references(() => rdFolders.id),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rd_members_directory").on(t.directoryId, t.folderId)],
);
export type RdMember = typeof rdMembers.$inferSelect;

export const rdInvitations = pgTable(
  "rd_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => resourceDirectories.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "accepted", "declined", "cancelled"] })
      .notNull()
      .default("pending"),
    createdAt: createdAt(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [index("rd_invitations_account").on(t.accountId, t.status)],
);
export type RdInvitation = typeof rdInvitations.$inferSelect;

export const trustedServices = pgTable("trusted_services", {
  principal: text("principal").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  /** null: the service does not support delegated administrator accounts. */
  maxDelegatedAdmins: integer("max_delegated_admins"),
});
export type TrustedService = typeof trustedServices.$inferSelect;

export const trustedAccess = pgTable(
  "trusted_access",
  {
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => resourceDirectories.id, { onDelete: "cascade" }),
    servicePrincipal: text("service_principal")
      .notNull()
      .references(() => trustedServices.principal),
    enabledAt: timestamp("enabled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.directoryId, t.servicePrincipal] })],
);

export const delegatedAdmins = pgTable(
  "delegated_admins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    directoryId: uuid("directory_id")
      .notNull()
      .references(() => resourceDirectories.id, { onDelete: "cascade" }),
    servicePrincipal: text("service_principal")
      .notNull()
      .references(() => trustedServices.principal),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("delegated_admins_service_account").on(t.directoryId, t.servicePrincipal, t.accountId), index("delegated_admins_account").on(t.accountId)],
);
export type DelegatedAdmin = typeof delegatedAdmins.$inferSelect;

// Sign-ins, throttling and installation settings live in a file of their own.
export * from "./schema-auth";

export const notificationKinds = [
  "agency_created",
  "agency_changed",
  "agency_deleted",
  "delegated_admin_added",
  "delegated_admin_removed",
  "role_switched_in",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * What another account did that concerns this one (an agency trusting it, a delegated
 * administration, someone switching into one of its agencies). Kept as facts, not sentences, so
 * the console words them in the reader's language.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // The account told.
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    // The other account, by the name it had when it happened.
    fromAccountName: text("from_account_name").notNull(),
    // The agency's name, or the trusted service's.
    subject: text("subject").notNull(),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index("notifications_account_id").on(t.accountId, t.id)],
);
export type Notification = typeof notifications.$inferSelect;

/** How far each principal has read its account's notifications (everything up to `lastReadId`). */
export const notificationReads = pgTable(
  "notification_reads",
  {
    principalAccountId: uuid("principal_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    principalUserId: uuid("principal_user_id").references(() => users.id, { onDelete: "cascade" }),
    lastReadId: bigint("last_read_id", { mode: "number" }).notNull().default(0),
  },
  (t) => [unique("notification_reads_principal").on(t.principalAccountId, t.principalUserId).nullsNotDistinct()],
);

export const roleColours = ["red", "orange", "yellow", "green", "blue"] as const;
export type RoleColour = (typeof roleColours)[number];

/** Roles a principal pinned from its recent roles, with a name and colour of its choosing. */
export const favouriteRoles = pgTable(
  "favourite_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    principalAccountId: uuid("principal_account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    principalUserId: uuid("principal_user_id").references(() => users.id, { onDelete: "cascade" }),
    accountName: text("account_name").notNull(),
    agencyName: text("agency_name").notNull(),
    displayName: text("display_name").notNull(),
    colour: text("colour", { enum: roleColours }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("favourite_roles_principal_role").on(t.principalAccountId, t.principalUserId, t.accountName, t.agencyName).nullsNotDistinct()],
);
export type FavouriteRole = typeof favouriteRoles.$inferSelect;

export const accessKeyStatuses = ["active", "inactive"] as const;

/**
 * Access keys (AK/SK) for signed API calls. The secret is needed to check signatures, so it is kept,
 * encrypted with the server's key (lib/access-keys/secret-box.ts), never in plain text.
 */
export const accessKeys = pgTable(
  "access_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accessKeyId: text("access_key_id").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    // null for the account's root user.
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    secretCiphertext: text("secret_ciphertext").notNull(),
    status: text("status", { enum: accessKeyStatuses }).notNull().default("active"),
    /** Turned off by an administrator: its owner may not turn it on again. */
    lockedByAdministrator: boolean("locked_by_administrator").notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("access_keys_owner").on(t.accountId, t.userId)],
);
export type AccessKey = typeof accessKeys.$inferSelect;

/** Signature nonces seen per access key, so a captured request cannot be sent again (kept for the accepted clock skew). */
export const apiNonces = pgTable(
  "api_nonces",
  {
    accessKeyId: text("access_key_id").notNull(),
    nonce: text("nonce").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accessKeyId, t.nonce] }), index("api_nonces_seen").on(t.seenAt)],
);

/**
 * Credentials the Huawei-style API issues for a role session: an `X-Auth-Token` (token) or a
 * temporary access key with its security token (keys). Only hashes of the tokens are kept; the
 * temporary secret is sealed like an access key's. The role session decides whether they still work.
 */
export const apiCredentials = pgTable(
  "api_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roleSessionId: uuid("role_session_id")
      .notNull()
      .references(() => roleSessions.id, { onDelete: "cascade" }),
    /** sha256 of the X-Auth-Token or of the security token. */
    tokenHash: text("token_hash").notNull().unique(),
    accessKeyId: text("access_key_id").unique(),
    secretCiphertext: text("secret_ciphertext"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("api_credentials_session").on(t.roleSessionId)],
);
export type ApiCredential = typeof apiCredentials.$inferSelect;

/**
 * Each access key's (or token's) request budget for the APIs, shared by every server on the
 * database: a token bucket, refilled by the time since `at` whenever a request takes from it.
 */
export const apiRateBuckets = pgTable("api_rate_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  /** Whether the last request took a token: what the upsert answers with. */
  granted: boolean("granted").notNull(),
});
