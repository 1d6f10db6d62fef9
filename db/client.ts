import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type ExtractTablesWithRelations, sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /**
   * Applies the migrations not yet applied, all in one transaction, then runs `then` (the seed).
   * On PostgreSQL both happen under an advisory lock, so servers starting together take turns.
   */
  migrate(then?: () => Promise<void>): Promise<void>;
  /** True when the database answers and holds every migration this build ships. */
  isCurrent(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; without it (and without url) the database lives in memory. */
  dataDir?: string;
  /** Postgres schema holding every table; created when missing. */
  schema?: string;
  poolSize?: number;
}

const migrationsFolder = path.join(process.cwd(), "db/migrations");

let newestShipped: number | undefined;

/** Whether the newest migration this build ships is recorded in the migrations table `table`. */
async function holdsEveryMigration(db: Db, table: string): Promise<boolean> {
  // The migration files never change under a running build: read (and hash) them once, not per health check.
  newestShipped ??= Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  const newest = newestShipped;
  const result = (await db.execute(sql.raw(`select coalesce(max(created_at), 0)::text as applied from ${table}`))) as unknown as {
    rows: { applied: string }[];
  };
  return Number(result.rows[0]?.applied ?? 0) >= newest;
}

export function createDb(options: DbOptions): DbHandle {
  if (options.url !== undefined) return createPostgres(options.url, options.schema, options.poolSize ?? 10);
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }), extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    // One process owns an embedded database's files: nothing to take turns with.
    async migrate(then) {
      await migratePglite(db, { migrationsFolder });
      await then?.();
    },
    isCurrent: () => holdsEveryMigration(db as unknown as Db, "drizzle.__drizzle_migrations"),
    close: () => client.close(),
  };
}

function createPostgres(url: string, searchPath: string | undefined, max: number): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(searchPath === undefined ? {} : { options: `-c search_path=${searchPath}` }),
  });
  // A dropped connection (server restart, killed backend) must not crash the process: the pool
  // discards the client and the request that used it fails on its own.
  const lost = (error: Error) => console.error("PostgreSQL connection lost:", error.message);
  pool.on("error", lost);
  // A client checked out for a transaction has no pool listener; give every client its own.
  pool.on("connect", (client) => client.on("error", lost));
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    migrate: (then) =>
      // One lock per database, not per schema: migrations also create extensions, which every schema shares.
      exclusively(url, "mandate:migrate", async () => {
        if (searchPath !== undefined) await pool.query(`create schema if not exists "${searchPath}"`);
        await migratePg(db, { migrationsFolder, ...(searchPath === undefined ? {} : { migrationsSchema: searchPath }) });
        await then?.();
      }),
    isCurrent: () => holdsEveryMigration(db as unknown as Db, `"${searchPath ?? "drizzle"}".__drizzle_migrations`),
    close: () => pool.end(),
  };
}

/**
 * Runs `run` while holding a session advisory lock named `name`, on a connection of its own (so a
 * pool of one can still work inside it). Should this process die, PostgreSQL drops the lock with it.
 */
async function exclusively<T>(url: string, name: string, run: () => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: url });
  holder.on("error", () => undefined);
  await holder.connect();
  try {
    await holder.query("select pg_advisory_lock(hashtext($1))", [name]);
    return await run();
  } finally {
    await holder.end().catch(() => undefined);
  }
}
