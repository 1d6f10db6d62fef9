/**
 * Authorization decisions per second and latency percentiles for principals with 10, 100 and 1,000
 * statements, and the cost of one decision against the most expensive wildcard patterns.
 */
import { evaluate, type AuthzRequest, type Grant } from "@/lib/authz/engine";
import type { Statement } from "@/lib/policy/document";

const services = ["ecs", "obs", "iam", "cts", "vpc", "rds", "evs", "dns"];
const operations = ["list", "get", "create", "update", "delete", "start", "stop"];

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function grantsWith(statements: number, next: () => number): Grant[] {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const perPolicy = 10;
  const grants: Grant[] = [];
  for (let p = 0; p < statements / perPolicy; p++) {
    const Statement: Statement[] = Array.from({ length: perPolicy }, (_, i) => ({
      Effect: i === 0 && p % 5 === 0 ? "Deny" : "Allow",
      Action: [`${pick(services)}:${pick(["instances", "buckets", "users", "*"])}:${pick([...operations, "get*", "*"])}`],
      Resource: [next() < 0.5 ? "*" : `${pick(services)}:${pick(["cn-north-4", "*"])}:*:*:app-${Math.floor(next() * 50)}*`],
      ...(next() < 0.2 ? { Condition: { StringEquals: { "g:RequestedRegion": [pick(["cn-north-4", "eu-west-0"])] } } } : {}),
    }));
    grants.push({
      policyName: `policy-${p}`,
      document: { Version: "1.1", Statement },
      scope: p % 3 === 0 ? { kind: "regions", regions: ["cn-north-4"] } : { kind: "all" },
      source: "bench",
    });
  }
  return grants;
}

export function benchAuthz(): void {
  const rows = [];
  for (const statements of [10, 100, 1000]) {
    const next = random(statements);
    const grants = grantsWith(statements, next);
    const requests: AuthzRequest[] = Array.from({ length: 1000 }, () => ({
      action: `${services[Math.floor(next() * services.length)]}:instances:${operations[Math.floor(next() * operations.length)]}`,
      resource: `ecs:cn-north-4:acc:instance:app-${Math.floor(next() * 60)}`,
      region: next() < 0.5 ? "cn-north-4" : "eu-west-0",
      enterpriseProjectId: "p1",
    }));
    for (const r of requests) evaluate(grants, r); // warm-up: compiles and caches every pattern
    const iterations = statements === 1000 ? 20_000 : 100_000;
    const samples = new Float64Array(iterations);
    let allowed = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      const t0 = process.hrtime.bigint();
      if (evaluate(grants, requests[i % requests.length]!).allowed) allowed++;
      samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
    }
    const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
    samples.sort();
    rows.push({
      statements,
      decisions: iterations,
      "decisions/s": Math.round(iterations / (totalMs / 1000)).toLocaleString("en"),
      "p50 µs": samples[Math.floor(iterations * 0.5)]!.toFixed(1),
      "p99 µs": samples[Math.floor(iterations * 0.99)]!.toFixed(1),
      "allowed %": ((100 * allowed) / iterations).toFixed(0),
    });
  }
  console.log("\nAuthorization engine (one core, in process)");
  console.table(rows);
  benchWorstCaseWildcards();
}

/** Patterns chosen to make a matcher work hardest: many `*` before a late mismatch, long `?` pieces. */
const worstCases: { label: string; pattern: string; value: string }[] = [
  {
    label: "8 × *a, no match",
    pattern: "ecs:*:*:instance:*a*a*a*a*a*a*a*a*b",
    value: `ecs:cn-north-4:acc:instance:${"a".repeat(40)}`,
  },
  {
    label: "10 wildcards, 256 chars",
    pattern: `*${"a*".repeat(8)}${"a".repeat(237)}?b`.slice(0, 256),
    value: "a".repeat(512),
  },
  {
    label: "long ? piece, 256 chars",
    pattern: `*${"a".repeat(126)}?${"a".repeat(126)}b*`,
    value: "a".repeat(512),
  },
  {
    label: "long literal piece, 256 chars",
    pattern: `*${"a".repeat(253)}b*`,
    value: "a".repeat(512),
  },
];

export function benchWorstCaseWildcards(): void {
  const rows = worstCases.map(({ label, pattern, value }) => {
    const grants: Grant[] = [
      {
        policyName: "worst",
        document: { Version: "1.1", Statement: [{ Effect: "Allow", Action: ["*"], Resource: [pattern] }] },
        scope: { kind: "all" },
        source: "bench",
      },
    ];
    const request: AuthzRequest = { action: "ecs:instances:get", resource: value };
    const allowed = evaluate(grants, request).allowed;
    const iterations = 2_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) evaluate(grants, request);
    const us = Number(process.hrtime.bigint() - start) / 1000 / iterations;
    return {
      pattern: label,
      "pattern chars": pattern.length,
      wildcards: [...pattern].filter((c) => c === "*" || c === "?").length,
      "value chars": value.length,
      matches: allowed,
      "µs/decision": us.toFixed(2),
    };
  });
  console.log("\nWorst-case wildcard patterns (one decision, one core)");
  console.table(rows);
}
