/**
 * `npm run bench`: performance figures, printed as tables. Runs on embedded PGlite, and on
 * PostgreSQL as well when BENCH_DATABASE_URL is set (in a fresh schema, dropped afterwards).
 */
import { randomBytes } from "node:crypto";
import { createDb, type DbHandle } from "@/db/client";
import { seedCatalogue, seedDemo } from "@/db/seed";
import { benchAgencies } from "./agencies";
import { benchApi } from "./api";
import { benchAudit } from "./audit";
import { benchAuthz } from "./authz";
import { benchEscalation } from "./escalation";
import { benchLoad } from "./load";

async function prepare(handle: DbHandle): Promise<DbHandle> {
  await handle.migrate();
  await seedCatalogue(handle.db);
  await seedDemo(handle.db);
  return handle;
}

const targets: { label: string; open: () => Promise<{ handle: DbHandle; dispose: () => Promise<void> }> }[] = [
  {
    label: "PGlite (in memory)",
    open: async () => {
      const handle = await prepare(createDb({}));
      return { handle, dispose: () => handle.close() };
    },
  },
];

const url = process.env.BENCH_DATABASE_URL;
if (url) {
  targets.push({
    label: "PostgreSQL",
    open: async () => {
      const schema = `bench_${randomBytes(4).toString("hex")}`;
      const handle = await prepare(createDb({ url, schema }));
      return {
        handle,
        dispose: async () => {
          await handle.close();
          const admin = createDb({ url, poolSize: 1 });
          await admin.db.execute(`drop schema "${schema}" cascade`);
          await admin.close();
        },
      };
    },
  });
}

benchAuthz();

for (const target of targets) {
  const { handle, dispose } = await target.open();
  try {
    await benchAgencies(handle, target.label);
    await benchAudit(handle, target.label);
    await benchEscalation(handle, target.label);
    await benchApi(handle, target.label);
  } finally {
    await dispose();
  }
}

// Pages under load run last: the server they start owns its own embedded database.
if (process.env.BENCH_LOAD !== "off") await benchLoad();
