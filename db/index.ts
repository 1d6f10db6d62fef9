/** The application's database: opened once per process, migrated and seeded before first use. */
import { env } from "@/lib/env";
import { createDb, type Db, type DbHandle } from "./client";
import { createDatabase, describeUrl, isMissingDatabase } from "./ensure-database";
import { seedCatalogue, seedDemo } from "./seed";

// Drizzle wraps driver errors in "Failed query: …"; the innermost cause says what went wrong.
function rootMessage(error: unknown): string {
  let message = String(error);
  for (let e: unknown = error; e instanceof Error; e = e.cause) message = e.message || message;
  return message;
}

/** A problem that keeps the console from starting, with a message that names it. */
export class StartupError extends Error {
  constructor(message: string, cause: unknown) {
    super(`${message}: ${rootMessage(cause)}`, { cause });
    this.name = "StartupError";
  }
}

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof StartupError ? error : new StartupError(what, error);
  }
}

export async function openDatabase(): Promise<DbHandle> {
  const config = env();
  const url = config.DATABASE_URL;
  const where =
    url === undefined
      ? `the embedded database in ${config.MANDATE_DATA_DIR}`
      : `PostgreSQL database "${describeUrl(url).database}" on ${describeUrl(url).server} as role "${describeUrl(url).role}"`;
  const handle = await step(`Cannot open ${where}`, async () =>
    createDb(
      url === undefined
        ? { dataDir: config.MANDATE_DATA_DIR }
        : { url, poolSize: config.MANDATE_DB_POOL_SIZE, ...(config.DATABASE_SCHEMA === undefined ? {} : { schema: config.DATABASE_SCHEMA }) },
    ),
  );
  try {
    // Seeded under the migration's lock too: servers starting together must not seed twice.
    const seed = () =>
      step(`Cannot seed ${where}`, async () => {
        await seedCatalogue(handle.db);
        if (config.MANDATE_DEMO === "on") await seedDemo(handle.db);
      });
    await step(`Cannot migrate ${where}`, async () => {
      try {
        await handle.migrate(seed);
      } catch (error) {
        if (url === undefined || error instanceof StartupError || !isMissingDatabase(error)) throw error;
        await step(`Cannot create database "${describeUrl(url).database}"`, () => createDatabase(url));
        await handle.migrate(seed);
      }
    });
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

// Kept on globalThis so that hot reloads in development reuse the one embedded database.
const holder = globalThis as { mandateDb?: Promise<DbHandle> };

export function getDb(): Promise<Db> {
  holder.mandateDb ??= openDatabase().catch((error: unknown) => {
    holder.mandateDb = undefined;
    throw error;
  });
  return holder.mandateDb.then((h) => h.db);
}

/** At startup: `run` opens the database, or the process stops with the reason rather than serve errors. */
export async function exitOnFailure<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    console.error(`Mandate cannot start. ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * For load balancers: the database answers within `timeoutMs` and holds every migration this build
 * ships. Never throws; says nothing of what failed (the server's log does).
 */
export async function databaseIsHealthy(timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const check = (async () => {
    await getDb();
    const handle = await holder.mandateDb;
    return handle !== undefined && (await handle.isCurrent());
  })().catch((error: unknown) => {
    console.error("Health check: the database is not available:", error instanceof Error ? error.message : error);
    return false;
  });
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
