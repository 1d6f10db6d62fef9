/**
 * The no-escalation rules under load: how long one hand-on check takes (a typical one and one
 * against the widest wildcard patterns a policy may hold), and the escalation property of
 * tests/integration/escalation.property.test.ts run many more times, in sequences per second.
 */
import fc from "fast-check";
import type { Db, DbHandle } from "@/db/client";
import type { Grant } from "@/lib/authz/engine";
import { findShortfall, type Lending, type Universe } from "@/lib/authz/hand-on";
import { systemPolicies } from "@/lib/authz/system-policies";
import { callerFor } from "../tests/helpers/db";
import { checkSequence, stepArb, worldArb, type Violation } from "../tests/properties/escalation-world";

const universe: Universe = { regions: ["cn-north-4", "ap-southeast-1", "eu-west-0"], projects: ["p-default", "p-payments"] };
const system = (name: string) => systemPolicies.find((p) => p.name === name)!.document;
const grant = (name: string, document = system(name)): Grant => ({ policyName: name, document, scope: { kind: "all" }, source: "bench" });

function perCheck(label: string, holder: Grant[], lending: Lending, runs: number) {
  findShortfall(holder, [lending], universe);
  const start = performance.now();
  for (let i = 0; i < runs; i++) findShortfall(holder, [lending], universe);
  const micro = ((performance.now() - start) * 1000) / runs;
  return { check: label, runs, "µs per check": micro.toFixed(1) };
}

function handOnChecks() {
  const admin = [grant("Tenant Administrator"), grant("Security Administrator")];
  const wild = (n: number) => `ecs:*:${"*a".repeat(n)}*b`;
  const worst: Lending = {
    policyName: "worst",
    document: {
      Version: "1.1",
      Statement: [{ Effect: "Allow", Action: [wild(4), "ecs:*a*b*:*", "obs:?*?*:*"], Resource: [`ecs:*:*:instance:${"*a".repeat(9)}*`] }],
    },
    scope: { kind: "all" },
  };
  const holderWild: Grant[] = Array.from({ length: 10 }, (_, i) =>
    grant(`wild-${i}`, {
      Version: "1.1",
      Statement: [
        { Effect: i % 4 === 0 ? "Deny" : "Allow", Action: [`ecs:*${"a".repeat(i % 3)}*:*`, wild(i % 5)], Resource: [`ecs:*:*:*:${"*b".repeat(i % 6)}*`] },
      ],
    }),
  );
  console.log("\nHand-on checks (findShortfall, per check)");
  console.table([
    perCheck(
      "Tenant + Security Administrator hand on ECS FullAccess",
      admin,
      { policyName: "ECS FullAccess", document: system("ECS FullAccess"), scope: { kind: "all" } },
      2000,
    ),
    perCheck(
      "Tenant + Security Administrator hand on Security Administrator",
      admin,
      { policyName: "SA", document: system("Security Administrator"), scope: { kind: "regions", regions: ["cn-north-4"] } },
      2000,
    ),
    perCheck(
      "ECS ReadOnlyAccess refused ECS FullAccess (names the gap)",
      [grant("ECS ReadOnlyAccess")],
      { policyName: "ECS FullAccess", document: system("ECS FullAccess"), scope: { kind: "all" } },
      500,
    ),
    perCheck("10 wildcard-heavy grants vs a wildcard-heavy policy", holderWild, worst, 50),
    perCheck("worst case: Allow * with 199 ten-wildcard Denies vs a ten-wildcard policy", adversarial().holder, adversarial().lending, 5),
  ]);
}

/** The costliest question found: every Deny may overlap the subject, so the search runs to its bound. */
function adversarial(): { holder: Grant[]; lending: Lending } {
  const chars = "abcdefghij:".split("");
  const pattern = (i: number) => `${Array.from({ length: 10 }, (_, k) => `*${chars[(i * 7 + k) % chars.length]}`).join("")}*`;
  const denies = Array.from({ length: 199 }, (_, i) => ({ Effect: "Deny" as const, Action: [`${pattern(i)}q`] }));
  return {
    holder: [grant("allow-all-but", { Version: "1.1", Statement: [{ Effect: "Allow", Action: ["*"] }, ...denies] })],
    lending: {
      policyName: "subject",
      document: { Version: "1.1", Statement: [{ Effect: "Allow", Action: [pattern(3)], Resource: [pattern(1)] }] },
      scope: { kind: "all" },
    },
  };
}

class Rollback extends Error {
  constructor(readonly violation: Violation | null) {
    super("rollback");
  }
}

export async function benchEscalation(handle: DbHandle, label: string): Promise<void> {
  if (label.startsWith("PGlite")) handOnChecks();
  const runs = Number(process.env.BENCH_ESCALATION_RUNS ?? 200);
  const acme = await callerFor(handle.db, "acme");
  let run = 0;
  let violations = 0;
  const start = performance.now();
  await fc.assert(
    fc.asyncProperty(worldArb, fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (world, steps) => {
      try {
        await handle.db.transaction(async (tx) => {
          throw new Rollback(await checkSequence(tx as unknown as Db, acme, world, steps, run++));
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
        if (error.violation !== null) violations++;
      }
    }),
    { numRuns: runs },
  );
  const seconds = (performance.now() - start) / 1000;
  console.log(`\nEscalation property (${label}): generated worlds and sequences of up to 8 changes by a non-root principal`);
  console.table([{ sequences: runs, seconds: seconds.toFixed(1), "sequences per second": (runs / seconds).toFixed(1), "power grew": violations }]);
}
