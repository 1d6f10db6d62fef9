/** The application's database: opened once per process, migrated and seeded before first use. */
import { env } from "@/lib/env";
import { createDb, type Db, type DbHandle } from "./client";
import { seedCatalogue, seedDemo } from "./seed";

export async function openDatabase(): Promise<DbHandle> {
  const config = env();
  const handle = createDb(
    config.DATABASE_URL === undefined
      ? { dataDir: config.MANDATE_DATA_DIR }
      : { url: config.DATABASE_URL, ...(config.DATABASE_SCHEMA === undefined ? {} : { schema: config.DATABASE_SCHEMA }) },
  );
  await handle.migrate();
  await seedCatalogue(handle.db);
  if (config.MANDATE_DEMO === "on") await seedDemo(handle.db);
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
