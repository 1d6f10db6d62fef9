import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { contains, type Shape } from "@/lib/authz/containment";
import type { Grant } from "@/lib/authz/engine";
import { findShortfall } from "@/lib/authz/hand-on";
import type { PolicyDocument } from "@/lib/policy/document";

/** A reference glob matcher: plain recursion, fine for the short strings below. */
function globRef(pattern: string, value: string): boolean {
  if (pattern === "") return value === "";
  if (pattern[0] === "*") return globRef(pattern.slice(1), value) || (value !== "" && globRef(pattern, value.slice(1)));
  return value !== "" && (pattern[0] === "?" || pattern[0] === value[0]) && globRef(pattern.slice(1), value.slice(1));
}

const inShape = (shape: Shape, action: string, resource: string) => {
  const actionHit = shape.actions.some((p) => globRef(p, action.toLowerCase()));
  return actionHit !== shape.negated && shape.resources.some((p) => globRef(p, resource));
};

const shape = (actions: string[], resources: string[] = ["*"], negated = false): Shape => ({ actions, negated, resources });

describe("contains", () => {
  test.each([
    ["a pattern is contained in a wider one", shape(["ecs:instances:*"]), [shape(["ecs:*:*"])], [], true],
    ["a wider pattern is not contained in a narrower one", shape(["ecs:*:*"]), [shape(["ecs:*:get*", "ecs:*:list*"])], [], false],
    ["a union of holder patterns covers a pattern together", shape(["ecs:instances:?"]), [shape(["ecs:instances:a*"]), shape(["ecs:instances:*"])], [], true],
    ["NotAction covers what it does not name", shape(["ecs:*:*"]), [shape(["iam:*"], ["*"], true)], [], true],
    ["NotAction does not cover what it names", shape(["iam:users:create"]), [shape(["iam:*"], ["*"], true)], [], false],
    ["a Deny removes coverage", shape(["ecs:instances:delete"]), [shape(["ecs:*:*"])], [shape(["ecs:*:delete"])], false],
    ["a Deny elsewhere does not", shape(["ecs:instances:start"]), [shape(["ecs:*:*"])], [shape(["ecs:*:delete"])], true],
    ["resources narrow the holder", shape(["ecs:*:*"]), [shape(["ecs:*:*"], ["ecs:cn-north-4:*"])], [], false],
    ["actions match regardless of case", shape(["ECS:Instances:*"]), [shape(["ecs:*"])], [], true],
    ["resources match with case", shape(["ecs:*"], ["ecs:X*"]), [shape(["ecs:*"], ["ecs:x*"])], [], false],
  ])("%s", (_name, subject, allows, denies, expected) => {
    expect(contains({ allows, denies }, subject).contained).toBe(expected);
  });

  test("names a witness the holder lacks", () => {
    const result = contains({ allows: [shape(["iam:agencies:*"])], denies: [] }, shape(["iam:*"]));
    expect(result.contained).toBe(false);
    if (!result.contained) {
      expect(result.witness).not.toBeNull();
      expect(globRef("iam:*", result.witness!.action)).toBe(true);
      expect(globRef("iam:agencies:*", result.witness!.action)).toBe(false);
    }
  });

  test("the subject's own Deny statements narrow it", () => {
    const holder = { allows: [shape(["ecs:*:get*"])], denies: [] };
    expect(
      contains(holder, shape(["ecs:*:*"]), [
        shape(["ecs:*:*"], ["*"], true),
        shape(["ecs:*:create", "ecs:*:delete", "ecs:*:start", "ecs:*:stop", "ecs:*:list*"]),
      ]).contained,
    ).toBe(false);
    expect(contains(holder, shape(["ecs:*:*"]), [shape(["ecs:*:get*"], ["*"], true)]).contained).toBe(true);
  });

  test("a search that outgrows its bound answers 'not contained', never 'contained'", () => {
    const holder = { allows: [shape(["ecs:*:*"])], denies: [] };
    const subject = shape(["ecs:instances:start"], ["ecs:cn-north-4:acme:instance:web-01"]);
    expect(contains(holder, subject).contained).toBe(true);
    expect(contains(holder, subject, [], { left: 100 })).toEqual({ contained: false, witness: null, undecided: true });
  });

  // Small alphabets so that patterns overlap often; every claim is checked against brute force.
  const symbol = fc.constantFrom("a", "b", ":", "*", "?");
  const pattern = fc.array(symbol, { maxLength: 6 }).map((s) => s.join(""));
  const shapeArb = fc.record({
    actions: fc.array(pattern, { minLength: 1, maxLength: 2 }),
    negated: fc.boolean(),
    resources: fc.array(pattern, { minLength: 1, maxLength: 2 }),
  });
  const words = (max: number) => {
    const out = [""];
    for (let length = 1; length <= max; length++)
      for (const w of out.filter((x) => x.length === length - 1)) for (const c of ["a", "b", ":", "c"]) out.push(w + c);
    return out;
  };
  const shortWords = words(4);

  test("agrees with brute force: no short counterexample when contained, a real one when not", () => {
    fc.assert(
      fc.property(shapeArb, fc.array(shapeArb, { maxLength: 3 }), fc.array(shapeArb, { maxLength: 1 }), (subject, allows, denies) => {
        const result = contains({ allows, denies }, subject);
        const bad = (action: string, resource: string) =>
          inShape(subject, action, resource) && (!allows.some((s) => inShape(s, action, resource)) || denies.some((s) => inShape(s, action, resource)));
        if (result.contained) {
          for (const action of shortWords) for (const resource of shortWords.slice(0, 30)) expect(bad(action, resource)).toBe(false);
        } else {
          expect(result.witness).not.toBeNull();
          expect(bad(result.witness!.action, result.witness!.resource)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("findShortfall on costly patterns", () => {
  // The attack's policy: sixty statements of the most expensive shape the parser admits.
  const patho: PolicyDocument = {
    Version: "1.1",
    Statement: Array.from({ length: 60 }, (_, i) => ({
      Effect: "Allow" as const,
      Action: [`e*:a*?*a*?${String.fromCharCode(97 + (i % 26))}`],
      Resource: ["*a?*a*?*"],
    })),
  };
  const universe = { regions: ["cn-north-4", "eu-west-0"], projects: ["p1"] };
  const grant = (document: PolicyDocument): Grant => ({ policyName: "held", document, scope: { kind: "all" }, source: "test" });

  test("handing on exactly what one holds is settled without a search", () => {
    expect(findShortfall([grant(patho)], [{ policyName: "patho", document: patho, scope: { kind: "all" } }], universe)).toBeNull();
  });

  test("a comparison too costly to finish is refused as undecided, within its budget", () => {
    const denied: PolicyDocument = { Version: "1.1", Statement: [...patho.Statement, { Effect: "Deny", Action: ["e*:a*?*a*?q"], Resource: ["*b*"] }] };
    const gap = findShortfall([grant(denied)], [{ policyName: "patho", document: patho, scope: { kind: "all" } }], universe);
    expect(gap).toMatchObject({ policyName: "patho", undecided: true });
  });
});
