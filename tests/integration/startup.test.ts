import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts, agencies, settings } from "@/db/schema";
import { DEMO_SEEDED, seedDemo } from "@/db/seed";
import { testDatabase, type TestDatabase } from "../helpers/db";

const run = promisify(execFile);

describe("the demo world is seeded once, into an empty database only", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t.dispose());

  const demoAgencies = async () => {
    const [acme] = await t.db.select().from(accounts).where(eq(accounts.name, "acme"));
    return (await t.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.accountId, acme!.id))).map((a) => a.name).sort();
  };

  test("deleting one demo agency and starting again neither fails nor brings it back", async () => {
    expect(await demoAgencies()).toEqual(["globex-ops", "old-audit"]);
    await t.db.delete(agencies).where(eq(agencies.name, "globex-ops"));
    expect(await seedDemo(t.db)).toBe(false);
    expect(await demoAgencies()).toEqual(["old-audit"]);
  });

  test("deleting both demo agencies and starting again does not bring them back", async () => {
    await t.db.delete(agencies).where(eq(agencies.name, "old-audit"));
    expect(await seedDemo(t.db)).toBe(false);
    expect(await demoAgencies()).toEqual([]);
  });

  test("a database that already holds accounts is never seeded, and that is remembered", async () => {
    const other = await testDatabase({ demo: false });
    try {
      await other.db.insert(accounts).values({ name: "someone", passwordHash: "x" });
      expect(await seedDemo(other.db)).toBe(false);
      expect(await other.db.select().from(accounts).where(eq(accounts.name, "acme"))).toEqual([]);
      await other.db.delete(accounts);
      expect(await seedDemo(other.db)).toBe(false);
      expect(
        await other.db
          .select()
          .from(settings)
          .where(and(eq(settings.key, DEMO_SEEDED))),
      ).toHaveLength(1);
    } finally {
      await other.dispose();
    }
  });
});

/** Runs `npm run db:setup` (the code the server opens its database with) in a child process. */
async function setup(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "db/setup.ts"], {
      env: { ...process.env, MANDATE_DEMO: "off", DATABASE_SCHEMA: "", ...env },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

test("an unreachable PostgreSQL stops startup with a message naming it and a non-zero exit", async () => {
  const { code, output } = await setup({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/mandate" });
  expect(code).not.toBe(0);
  expect(output).toContain('Mandate cannot start. Cannot migrate PostgreSQL database "mandate" on 127.0.0.1:1 as role "nobody"');
});

test("an invalid setting stops startup and names the setting", async () => {
  const { code, output } = await setup({ DATABASE_URL: "", MANDATE_TRUSTED_PROXIES: "two" });
  expect(code).not.toBe(0);
  expect(output).toContain("MANDATE_TRUSTED_PROXIES must be a whole number of proxy hops");
});

describe.runIf(process.env.TEST_DB === "postgres")("a database that does not exist yet", () => {
  const base = process.env.TEST_DATABASE_URL!;
  const suffix = randomBytes(4).toString("hex");
  const database = `mandate_start_${suffix}`;
  const role = `nocreate_${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  const urlFor = (db: string, user?: string) => {
    const url = new URL(base);
    url.pathname = `/${db}`;
    if (user !== undefined) url.username = user;
    return url.toString();
  };
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create role ${role} login nocreatedb`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  test("is created when the role may create databases", async () => {
    const { code, output } = await setup({ DATABASE_URL: urlFor(database) });
    expect(output).toContain("Database ready (postgres).");
    expect(code).toBe(0);
    expect((await admin.query("select 1 from pg_database where datname = $1", [database])).rowCount).toBe(1);
  });

  test("stops startup with a clear message when the role may not create it", async () => {
    const { code, output } = await setup({ DATABASE_URL: urlFor(`${database}_x`, role) });
    expect(code).not.toBe(0);
    expect(output).toContain(`Database "${database}_x" does not exist, and role "${role}" may not create it.`);
  });
});
