/** Tables of signing in (sessions, throttling) and of the installation itself. */
import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts, identityProviders, users } from "./schema";

/** Failed sign-ins, counted per account name and per client address to throttle guessing. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountName: text("account_name").notNull(),
    address: text("address").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_account_at").on(t.accountName, t.at), index("sign_in_failures_address_at").on(t.address, t.at)],
);

/**
 * One row per sign-in; the session cookie names it (`loginId`) and every request checks it, so Sign
 * Out, "Sign out other sessions", an administrator or deleting the user ends the cookie at once.
 */
export const signIns = pgTable(
  "sign_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent").notNull().default(""),
    address: text("address").notNull().default(""),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason"),
  },
  (t) => [index("sign_ins_principal").on(t.accountId, t.userId, t.endedAt)],
);
export type SignIn = typeof signIns.$inferSelect;

/**
 * A federated sign-in between leaving for the identity provider and coming back: what the answer
 * must match (state, nonce, PKCE verifier) and the browser that may bring it (a hash of its binding
 * cookie). In the database, not in memory, so the provider may send the person back to any server.
 * Spent on first use; worthless after `expiresAt`, and deleted some time after.
 */
export const federationAttempts = pgTable(
  "federation_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    state: text("state").notNull().unique(),
    nonce: text("nonce").notNull(),
    /** Sealed (lib/access-keys/secret-box.ts): with it and a stolen code, anyone could finish the sign-in. */
    codeVerifier: text("code_verifier").notNull(),
    bindingHash: text("binding_hash").notNull(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    redirectUri: text("redirect_uri").notNull(),
    /** The console path to open once signed in. */
    returnTo: text("return_to").notNull().default("/"),
    address: text("address").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Kept, not deleted, once spent: the per-address count of starts must include it. */
    spentAt: timestamp("spent_at", { withTimezone: true }),
  },
  (t) => [index("federation_attempts_address_created").on(t.address, t.createdAt), index("federation_attempts_expires").on(t.expiresAt)],
);
export type FederationAttempt = typeof federationAttempts.$inferSelect;

/** Facts about the installation itself, e.g. that the demo world was seeded (so it never is again). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull().default(sql`'{}'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
