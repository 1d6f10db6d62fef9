/**
 * Several servers started together on one PostgreSQL database: the migrations and the seed run
 * once, whole, whichever server gets there first; the others wait and find nothing left to do.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { createDb } from "@/db/client";
import { seedCatalogue, seedDemo } from "@/db/seed";

const url = process.env.TEST_DATABASE_URL ?? "";
const schema = `start_${randomBytes(5).toString("hex")}`;
const journal = JSON.parse(readFileSync(join(import.meta.dirname, "../../db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] };

afterAll(async () => {
  if (url === "") return;
  const admin = createDb({ url, poolSize: 1 });
  await admin.db.execute(`drop schema if exists "${schema}" cascade`);
  await admin.close();
});

test.runIf(process.env.TEST_DB === "postgres")(
  "six servers migrating and seeding a new schema at once each finish, and each migration is applied once",
  async () => {
    const servers = Array.from({ length: 6 }, () => createDb({ url, schema, poolSize: 2 }));
    try {
      const seeded = await Promise.all(
        servers.map((s) =>
          s.migrate(async () => {
            await seedCatalogue(s.db);
            await seedDemo(s.db);
          }),
        ),
      );
      expect(seeded).toHaveLength(6);
      const applied = (await servers[0]!.db.execute(`select count(*)::int as n from "${schema}".__drizzle_migrations`)) as unknown as { rows: { n: number }[] };
      expect(applied.rows[0]?.n).toBe(journal.entries.length);
      const acme = (await servers[0]!.db.execute(`select count(*)::int as n from "${schema}".accounts where name = 'acme'`)) as unknown as {
        rows: { n: number }[];
      };
      expect(acme.rows[0]?.n).toBe(1);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  },
);
