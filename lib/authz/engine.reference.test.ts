import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type AuthzRequest, evaluate, type Grant, type Scope } from "@/lib/authz/engine";
import { type Condition, type ConditionOperator, type Statement, validatePolicyDocument } from "@/lib/policy/document";

// A differential test: the engine against a deliberately naive evaluator of SPEC.md's rules, written
// here without glob.ts so that a bug shared by both cannot hide.

/** Glob by a full dynamic-programming table: `*` any run (colons included), `?` exactly one character. */
function refGlob(pattern: string, value: string, ignoreCase: boolean): boolean {
  const same = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  // m[i][j]: the first i characters of the pattern match the first j of the value.
  const m = Array.from({ length: pattern.length + 1 }, () => Array<boolean>(value.length + 1).fill(false));
  m[0]![0] = true;
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern[i - 1]!;
    for (let j = 0; j <= value.length; j++) {
      if (p === "*") m[i]![j] = m[i - 1]![j]! || (j > 0 && m[i]![j - 1]!);
      else m[i]![j] = j > 0 && m[i - 1]![j - 1]! && (p === "?" || same(p, value[j - 1]!));
    }
  }
  return m[pattern.length]![value.length]!;
}

function refScope(scope: Scope, request: AuthzRequest): boolean {
  if (request.anyScope === true) return true;
  const region = request.region ?? null;
  const project = request.enterpriseProjectId ?? null;
  if (scope.kind === "all") return true;
  if (scope.kind === "global") return region === null;
  if (scope.kind === "regions") return region !== null && scope.regions.some((r) => r === region);
  return project !== null && scope.projects.some((p) => p === project);
}

/** The request's value of a condition key: region and project come from the request itself. */
function refKey(request: AuthzRequest, key: string): string | undefined {
  if (key === "g:RequestedRegion" && request.region != null) return request.region;
  if (key === "g:EnterpriseProjectId" && request.enterpriseProjectId != null) return request.enterpriseProjectId;
  return request.context?.[key];
}

function refOperator(operator: ConditionOperator, expected: string[], actual: string | undefined): boolean {
  const equals = actual !== undefined && expected.some((e) => e === actual);
  const like = actual !== undefined && expected.some((e) => refGlob(e, actual, false));
  if (operator === "StringEquals") return equals;
  if (operator === "StringNotEquals") return !equals;
  if (operator === "StringLike") return like;
  return !like;
}

// SPEC.md is silent on letter case; as in Huawei IAM (and engine.test.ts), actions ignore it, resources do not.
function refStatement(s: Statement, request: AuthzRequest): boolean {
  if (s.Action !== undefined && !s.Action.some((p) => refGlob(p, request.action, true))) return false;
  if (s.NotAction?.some((p) => refGlob(p, request.action, true))) return false;
  // anyScope asks about the action anywhere, so neither the grant's scope nor the resource narrows it.
  if (request.anyScope !== true && !(s.Resource ?? ["*"]).some((p) => refGlob(p, request.resource, false))) return false;
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    for (const [key, expected] of Object.entries(keys ?? {})) {
      // anyScope: some region and some project exist where a condition on them holds.
      if (request.anyScope === true && (key === "g:RequestedRegion" || key === "g:EnterpriseProjectId")) continue;
      if (!refOperator(operator as ConditionOperator, expected, refKey(request, key))) return false;
    }
  }
  return true;
}

interface RefMatch {
  policyName: string;
  statementIndex: number;
  effect: "Allow" | "Deny";
}

function refEvaluate(grants: readonly Grant[], request: AuthzRequest) {
  const matches: RefMatch[] = [];
  for (const g of grants) {
    if (!refScope(g.scope, request)) continue;
    g.document.Statement.forEach((s, statementIndex) => {
      // anyScope asks "allowed somewhere?": only a Deny in force everywhere (scope all, every resource, no condition) says no.
      const everyResource = (s.Resource ?? ["*"]).some((p) => /^\*+$/.test(p));
      const noCondition = Object.values(s.Condition ?? {}).every((keys) => Object.keys(keys ?? {}).length === 0);
      const everywhere = g.scope.kind === "all" && everyResource && noCondition;
      if (request.anyScope === true && s.Effect === "Deny" && !everywhere) return;
      if (refStatement(s, request)) matches.push({ policyName: g.policyName, statementIndex, effect: s.Effect });
    });
  }
  const effect = matches.some((m) => m.effect === "Deny") ? "Deny" : matches.some((m) => m.effect === "Allow") ? "Allow" : "ImplicitDeny";
  return { effect, matches };
}

// ---- Generators: small alphabets, so that patterns and requests actually meet. ----

const REGIONS = ["cn-north-4", "ap-southeast-1", "eu-west-0"];
const PROJECTS = ["default", "payments"];
const USERS = ["alice", "bob", "Alice"];
const ACTIONS = [
  "ecs:instances:list",
  "ecs:instances:get",
  "ecs:instances:start",
  "ecs:instances:stop",
  "obs:buckets:list",
  "iam:agencies:get",
  "iam:agencies:set",
  "iam:agencies:assume",
  "iam:agencies:create",
  "resourcemanager:RegisterDelegatedAdministrator",
];
const ACTION_PATTERNS = ["*", "ecs:*", "*:instances:*", "iam:agencies:?et", "*:*t", "ecs:instances:st*", "iam:*:*e", "*:**", "*:?*"];
const RESOURCE_PATTERNS = ["*", "urn:mandate:ecs:*", "urn:mandate:*:cn-north-4:*", "*:instance:web-0?", "urn:mandate:*:acme:*", "*Web*", "urn:mandate:iam::*"];

/** A near miss: the same string with one character's case flipped, doubled or dropped. */
const mutated = (base: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 6, arbitrary: base },
    {
      weight: 4,
      arbitrary: fc.tuple(base, fc.constantFrom("case", "double", "drop"), fc.nat()).map(([s, kind, n]) => {
        const i = n % s.length;
        const c = s[i]!;
        const by = kind === "case" ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : kind === "double" ? c + c : "";
        return s.slice(0, i) + by + s.slice(i + 1);
      }),
    },
  );

type Edit = { kind: "?" | "*" | "segment" | "case"; at: number; length: number };
const edits = fc.array(fc.record({ kind: fc.constantFrom<Edit["kind"]>("?", "*", "segment", "case"), at: fc.nat(), length: fc.nat(3) }), { maxLength: 3 });

/** Puts wildcards into a concrete value; for actions, colons and the lower-case service part stay. */
function wildcarded(s: string, list: Edit[], isAction: boolean): string {
  for (const e of list) {
    if (e.kind === "segment") {
      const parts = s.split(":");
      parts[e.at % parts.length] = "*";
      s = parts.join(":");
      continue;
    }
    const from = e.kind === "case" && isAction ? s.indexOf(":") + 1 : 0;
    const positions = [...s].flatMap((c, i) => (i < from || (isAction && c === ":") ? [] : [i]));
    if (positions.length === 0) continue;
    const i = positions[e.at % positions.length]!;
    if (e.kind === "case") s = s.slice(0, i) + s[i]!.toUpperCase() + s.slice(i + 1);
    else if (e.kind === "?") s = `${s.slice(0, i)}?${s.slice(i + 1)}`;
    else {
      let end = i;
      while (end < s.length && end < i + e.length && !(isAction && s[end] === ":")) end++;
      s = `${s.slice(0, i)}*${s.slice(end)}`;
    }
  }
  return s;
}

const urn = fc
  .tuple(
    fc.constantFrom("ecs", "obs", "iam"),
    fc.constantFrom("", ...REGIONS),
    fc.constantFrom("acme", "globex"),
    fc.constantFrom("instance", "bucket", "agency"),
    fc.constantFrom("web-01", "web-02", "Web-01", "logs"),
  )
  .map((parts) => `urn:mandate:${parts.join(":")}`);

/** A second, tiny world of one- to three-letter segments, where wildcards meet values of every shape. */
const tiny = (chars: string[], min: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: 3 }).map((a) => a.join(""));
const tinyAction = fc.array(tiny(["a", "b", "A"], 1), { minLength: 2, maxLength: 3 }).map((a) => a.join(":"));
const tinyActionPattern = fc.oneof(
  { weight: 1, arbitrary: fc.constant("*") },
  {
    weight: 9,
    arbitrary: fc
      .tuple(tiny(["a", "b", "*", "?"], 1), fc.array(tiny(["a", "B", "*", "?"], 1), { minLength: 1, maxLength: 2 }))
      .map(([service, rest]) => [service, ...rest].join(":")),
  },
);
const tinyResource = fc.array(fc.constantFrom("a", "A", "b", ":"), { minLength: 0, maxLength: 6 }).map((a) => a.join(""));
const tinyResourcePattern = fc.array(fc.constantFrom("a", "A", "b", ":", "*", "?"), { minLength: 1, maxLength: 6 }).map((a) => a.join(""));

interface World {
  action: fc.Arbitrary<string>;
  actionPattern: fc.Arbitrary<string>;
  resource: fc.Arbitrary<string>;
  resourcePattern: fc.Arbitrary<string>;
}
const realistic: World = {
  action: mutated(fc.constantFrom(...ACTIONS)),
  actionPattern: fc.oneof(
    fc.constantFrom(...ACTION_PATTERNS),
    fc.tuple(fc.constantFrom(...ACTIONS), edits).map(([a, e]) => wildcarded(a, e, true)),
  ),
  resource: mutated(urn),
  resourcePattern: fc.oneof(
    fc.constantFrom(...RESOURCE_PATTERNS),
    fc.tuple(urn, edits).map(([r, e]) => wildcarded(r, e, false)),
  ),
};
const small: World = { action: tinyAction, actionPattern: tinyActionPattern, resource: tinyResource, resourcePattern: tinyResourcePattern };

const OPERATORS: ConditionOperator[] = ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike"];
// Wildcards go to every operator: StringEquals must compare "cn-*" as written, not as a pattern.
const conditionValue = fc.constantFrom(...REGIONS, ...PROJECTS, ...USERS, "cn-*", "*-1", "eu-west-?", "a*", "*", "?ob", "pay*", "*e*");
const conditionEntry = fc.tuple(
  fc.constantFrom(...OPERATORS),
  fc.constantFrom("g:RequestedRegion", "g:EnterpriseProjectId", "g:UserName"),
  fc.array(conditionValue, { minLength: 1, maxLength: 2 }),
);
const condition: fc.Arbitrary<Condition> = fc.array(conditionEntry, { minLength: 1, maxLength: 2 }).map((entries) => {
  const c: Condition = {};
  for (const [operator, key, values] of entries) c[operator] = { ...c[operator], [key]: values };
  return c;
});

const statement = (w: World): fc.Arbitrary<Statement> =>
  fc
    .record({
      effect: fc.constantFrom<Statement["Effect"]>("Allow", "Allow", "Deny"),
      notAction: fc.constantFrom(false, false, false, true),
      actions: fc.array(w.actionPattern, { minLength: 1, maxLength: 2 }),
      resources: fc.option(fc.array(w.resourcePattern, { minLength: 1, maxLength: 2 }), { freq: 2, nil: undefined }),
      condition: fc.option(condition, { freq: 2, nil: undefined }),
    })
    .map(({ effect, notAction, actions, resources, condition }) => ({
      Effect: effect,
      ...(notAction ? { NotAction: actions } : { Action: actions }),
      ...(resources === undefined ? {} : { Resource: resources }),
      ...(condition === undefined ? {} : { Condition: condition }),
    }));

const scope: fc.Arbitrary<Scope> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "all" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "global" as const }) },
  { weight: 2, arbitrary: fc.subarray(REGIONS, { minLength: 1 }).map((regions) => ({ kind: "regions" as const, regions })) },
  { weight: 2, arbitrary: fc.subarray(PROJECTS, { minLength: 1 }).map((projects) => ({ kind: "projects" as const, projects })) },
);

const request = (w: World): fc.Arbitrary<AuthzRequest> =>
  fc
    .record({
      action: w.action,
      resource: w.resource,
      region: fc.constantFrom(undefined, null, ...REGIONS, "la-south-2"),
      project: fc.constantFrom(undefined, null, ...PROJECTS),
      user: fc.option(fc.constantFrom(...USERS), { nil: undefined }),
      anyScope: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
    })
    .map(({ action, resource, region, project, user, anyScope }) => ({
      action,
      resource,
      ...(region === undefined ? {} : { region }),
      ...(project === undefined ? {} : { enterpriseProjectId: project }),
      ...(user === undefined ? {} : { context: { "g:UserName": user } }),
      ...(anyScope ? { anyScope } : {}),
    }));

const world = fc.constantFrom(realistic, realistic, small);
const grants = (w: World) =>
  fc.array(fc.tuple(fc.array(statement(w), { minLength: 1, maxLength: 4 }), scope), { minLength: 1, maxLength: 3 }).map((list) =>
    list.map(
      ([Statement, s], i): Grant => ({
        policyName: `p${i}`,
        document: { Version: i % 2 === 0 ? "1.1" : "1", Statement },
        scope: s,
        source: `group g${i}`,
      }),
    ),
  );
const cases = world.chain((w) => fc.record({ grants: grants(w), request: request(w) }));

describe("engine against a reference evaluator of SPEC.md", () => {
  test("same decision, and the deciding statement matches with that effect", () => {
    const outcomes = { Allow: 0, Deny: 0, ImplicitDeny: 0 };
    const decidedBy = { notAction: 0, condition: 0, anyScope: 0 };
    const runs = 3000;
    fc.assert(
      fc.property(cases, ({ grants, request }) => {
        // The generators write only documents the parser accepts, so no case is one the console cannot hold.
        for (const g of grants) {
          const parsed = validatePolicyDocument(g.document);
          if (!parsed.ok) expect.fail(parsed.error);
        }
        const expected = refEvaluate(grants, request);
        const actual = evaluate(grants, request);
        if (actual.effect !== expected.effect || actual.allowed !== (expected.effect === "Allow")) {
          expect({ allowed: actual.allowed, effect: actual.effect }).toEqual({ allowed: expected.effect === "Allow", effect: expected.effect });
        }
        outcomes[actual.effect]++;
        if (actual.decidedBy === null) return;
        if (actual.decidedBy.kind !== "statement") return expect.fail(`decided by ${actual.decidedBy.kind}`);
        const { policyName, statementIndex, source } = actual.decidedBy;
        const agrees = expected.matches.some((m) => m.policyName === policyName && m.statementIndex === statementIndex && m.effect === actual.effect);
        if (!agrees) expect(expected.matches).toContainEqual({ policyName, statementIndex, effect: actual.effect });
        const grant = grants.find((g) => g.policyName === policyName)!;
        if (source !== grant.source) expect(source).toBe(grant.source);
        const s = grant.document.Statement[statementIndex]!;
        if (s.NotAction !== undefined) decidedBy.notAction++;
        if (s.Condition !== undefined) decidedBy.condition++;
        if (request.anyScope === true) decidedBy.anyScope++;
      }),
      { numRuns: runs },
    );
    console.info("outcomes", outcomes, "decided by", decidedBy);
    // The property is worth something only if every kind of decision happens often.
    for (const n of Object.values(outcomes)) expect(n).toBeGreaterThanOrEqual(runs * 0.1);
    expect(decidedBy.notAction).toBeGreaterThanOrEqual(runs * 0.05);
    expect(decidedBy.condition).toBeGreaterThanOrEqual(runs * 0.05);
    expect(decidedBy.anyScope).toBeGreaterThanOrEqual(runs * 0.02);
  });
});
