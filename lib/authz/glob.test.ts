import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileGlobList, globMatch } from "@/lib/authz/glob";
import { evaluate, type Grant } from "@/lib/authz/engine";

/** The textbook definition, memoised bottom-up: slow but plainly right. */
function reference(pattern: string, value: string): boolean {
  let next = new Uint8Array(value.length + 1);
  next[value.length] = 1;
  for (let i = pattern.length - 1; i >= 0; i--) {
    const row = new Uint8Array(value.length + 1);
    const p = pattern[i];
    for (let j = value.length; j >= 0; j--) {
      if (p === "*") row[j] = next[j]! | (j < value.length ? row[j + 1]! : 0);
      else row[j] = j < value.length && (p === "?" || p === value[j]) ? next[j + 1]! : 0;
    }
    next = row;
  }
  return next[0] === 1;
}

// A small alphabet makes matches, near-misses and overlapping pieces common.
const patternText = (maxLength: number) => fc.string({ unit: fc.constantFrom("a", "b", ":", "*", "?"), maxLength });
const valueText = (maxLength: number) => fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength });

describe("glob matching agrees with the reference matcher", () => {
  test("short patterns and values, where most interesting cases live", () => {
    fc.assert(
      fc.property(patternText(12), valueText(24), (pattern, value) => {
        expect(globMatch(pattern, value, false)).toBe(reference(pattern, value));
      }),
      { numRuns: 5000 },
    );
  });

  test("any pattern up to 256 characters against any value up to 512", () => {
    // Values built from the pattern itself match or nearly match, so long inputs are not all trivial misses.
    const nearValue = (pattern: string) =>
      fc.oneof(
        fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength: 512, size: "max" }),
        fc.tuple(fc.array(valueText(4), { minLength: pattern.length, maxLength: pattern.length }), fc.nat(3)).map(([fills, drop]) =>
          [...pattern]
            .map((c, i) => (c === "*" ? fills[i]! : c === "?" ? "a" : c))
            .join("")
            .slice(drop)
            .slice(0, 512),
        ),
      );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", ":", "*", "?"), maxLength: 256, size: "max" }).chain((p) => fc.tuple(fc.constant(p), nearValue(p))),
        ([pattern, value]) => {
          expect(globMatch(pattern, value, false)).toBe(reference(pattern, value));
        },
      ),
      { numRuns: 400 },
    );
  });

  test("a list matches when any of its patterns does; case folds only when asked", () => {
    fc.assert(
      fc.property(fc.array(patternText(10), { minLength: 1, maxLength: 4 }), valueText(16), (patterns, value) => {
        const matcher = compileGlobList(patterns, false);
        const expected = patterns.some((p) => reference(p, value));
        expect(matcher === null ? true : matcher(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    expect(globMatch("ECS:*:Get?", "ecs:instances:getX", true)).toBe(true);
    expect(globMatch("ECS:*:Get?", "ecs:instances:getX", false)).toBe(false);
    expect(compileGlobList(["a", "**"], false)).toBeNull();
  });
});

describe("the engine with hostile wildcard patterns", () => {
  const grant = (statement: Grant["document"]["Statement"][number]): Grant => ({
    policyName: "hostile",
    document: { Version: "1.1", Statement: [statement] },
    scope: { kind: "all" },
    source: "group test",
  });
  const name = `ecs:cn-north-4:acc:instance:${"a".repeat(40)}`;

  // With the former regular expressions each of these decisions took seconds to hours.
  test("a Resource of many `*a` pieces decides (and denies) a long non-matching name", () => {
    const hostile = grant({ Effect: "Allow", Action: ["ecs:*"], Resource: [`ecs:*:*:instance:*${"a*".repeat(14)}b`] });
    expect(evaluate([hostile], { action: "ecs:instances:get", resource: name }).allowed).toBe(false);
    expect(evaluate([hostile], { action: "ecs:instances:get", resource: `${name}b` }).allowed).toBe(true);
  });

  test("Action and StringLike conditions match the same way", () => {
    const actions = grant({ Effect: "Allow", Action: [`ecs:${"*a".repeat(14)}*b`] });
    expect(evaluate([actions], { action: `ECS:${"A".repeat(40)}`, resource: "x" }).allowed).toBe(false);
    expect(evaluate([actions], { action: `ECS:${"A".repeat(40)}B`, resource: "x" }).allowed).toBe(true);
    const like = grant({ Effect: "Allow", Action: ["*"], Condition: { StringLike: { "g:UserName": [`${"*a".repeat(14)}*b`] } } });
    expect(evaluate([like], { action: "a:b", resource: "x", context: { "g:UserName": "a".repeat(40) } }).allowed).toBe(false);
    expect(evaluate([like], { action: "a:b", resource: "x", context: { "g:UserName": `${"a".repeat(40)}b` } }).allowed).toBe(true);
  });
});
