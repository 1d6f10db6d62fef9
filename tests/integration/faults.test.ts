/**
 * A connection that dies in the middle of a multi-step change leaves nothing half-written. Runs on
 * PostgreSQL, where a backend can be killed; the embedded database has no other connection to lose.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { agencies, agencyPermissions, auditEvents, policies } from "@/db/schema";
import { createAgency } from "@/lib/agencies/agencies";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";

const onPostgres = process.env.TEST_DB === "postgres";
let t: TestDatabase;

beforeAll(async () => {
  if (onPostgres) t = await testDatabase();
});
afterAll(async () => {
  if (onPostgres) await t.dispose();
});

test.skipIf(!onPostgres)("killing the backend between the agency and its permissions writes neither, nor an audit event", async () => {
  const acme = await callerFor(t.db, "acme");
  const [policy] = await t.db.select().from(policies).where(eq(policies.name, "ECS ReadOnlyAccess"));
  // The second step of createAgency (its permissions) terminates the connection that runs it.
  await t.db.execute(
    sql.raw(`
    create function kill_own_backend() returns trigger language plpgsql as $$
    begin perform pg_terminate_backend(pg_backend_pid()); return new; end $$;
    create trigger kill_on_permission before insert on agency_permissions for each row execute function kill_own_backend();`),
  );
  const events = (await t.db.select().from(auditEvents)).length;
  const input = { name: "half-written", type: "account", delegatedAccount: "umbrella", validityKind: "unlimited", policyIds: [policy!.id], scopeKind: "all" };

  const error = await rejection(() => createAgency(t.db, acme, input));
  expect(String((error.cause as Error | undefined)?.message ?? error.message)).toMatch(/terminat|connection/i);

  await t.db.execute(sql.raw("drop trigger kill_on_permission on agency_permissions; drop function kill_own_backend();"));
  expect(await t.db.select().from(agencies).where(eq(agencies.name, "half-written"))).toEqual([]);
  expect(
    await t.db.select().from(agencyPermissions).innerJoin(agencies, eq(agencies.id, agencyPermissions.agencyId)).where(eq(agencies.name, "half-written")),
  ).toEqual([]);
  expect((await t.db.select().from(auditEvents)).length).toBe(events);
  // The pool recovers: the same change now succeeds whole.
  const created = await createAgency(t.db, acme, input);
  expect((await t.db.select().from(agencyPermissions).where(eq(agencyPermissions.agencyId, created.id))).length).toBe(1);
});
