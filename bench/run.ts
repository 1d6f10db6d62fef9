/**
 * `npm run bench`: performance figures, printed as tables. Runs on embedded PGlite, and on
 * PostgreSQL as well when BENCH_DATABASE_URL is set (in a fresh schema, dropped afterwards).
 * BENCH_ONLY=api,audit (names below) runs a part.
 */
import { randomBytes } from "node:crypto";
import { createDb, type DbHandle } from "@/db/client";
import { seedCatalogue, seedDemo } from "@/db/seed";
import { benchAgencies } from "./agencies";
import { benchApi } from "./api";
import { benchAudit } from "./audit";
import { benchAuthz } from "./authz";
import { benchDirectory } from "./directory";
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

const only = process.env.BENCH_ONLY?.split(",");
const runs = (name: string) => only === undefined || only.includes(name);

if (runs("authz")) benchAuthz();

for (const target of targets) {
  const { handle, dispose } = await target.open();
  try {
    if (runs("agencies")) await benchAgencies(handle, target.label);
    if (runs("directory")) await benchDirectory(handle, target.label);
    if (runs("audit")) await benchAudit(handle, target.label);
    if (runs("escalation")) await benchEscalation(handle, target.label);
    if (runs("api")) await benchApi(handle, target.label);
  } finally {
    await dispose();
  }
}

// Pages under load run last: the server they start owns its own embedded database.
if (process.env.BENCH_LOAD !== "off" && runs("load")) await benchLoad();
