import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
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
  migrate(): Promise<void>;
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

export function createDb(options: DbOptions): DbHandle {
  if (options.url !== undefined) return createPostgres(options.url, options.schema, options.poolSize ?? 10);
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
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
    async migrate() {
      if (searchPath !== undefined) await pool.query(`create schema if not exists "${searchPath}"`);
      await migratePg(db, { migrationsFolder, ...(searchPath === undefined ? {} : { migrationsSchema: searchPath }) });
    },
    close: () => pool.end(),
  };
}
