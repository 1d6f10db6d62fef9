/**
 * Issue 17's property: whatever sequence of changes a non-root principal tries, in whatever small
 * world, the set of actions it can perform never grows beyond what it held at the start. The
 * generator lives in tests/properties; `npm run bench` runs it many more times.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/caller";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
import { checkSequence, stepArb, worldArb, type Violation } from "../properties/escalation-world";

const RUNS = Number(process.env.ESCALATION_RUNS ?? 25);

let t: TestDatabase;
let acme: Caller;
beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
});
afterAll(() => t.dispose());

class Rollback extends Error {
  constructor(readonly violation: Violation | null) {
    super("rollback");
  }
}

/** Each run builds its world inside a transaction that is rolled back, so runs do not see each other. */
async function isolated(fn: (db: Db) => Promise<Violation | null>): Promise<Violation | null> {
  try {
    await t.db.transaction(async (tx) => {
      throw new Rollback(await fn(tx as unknown as Db));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.violation;
    throw error;
  }
  return null;
}

test("no sequence of changes lets a non-root principal gain a permission it did not hold", async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(worldArb, fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (world, steps) => {
      const violation = await isolated((db) => checkSequence(db, acme, world, steps, run++));
      expect(violation).toBeNull();
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
}, 300_000);
