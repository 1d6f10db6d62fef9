/**
 * Rules of the containment search that the mutation run (issue 11) found unguarded: how a statement
 * is read, the shortcut for handing on exactly what one holds, the stand-in character, and the
 * two bounds (work and memory) that keep a check from holding the server.
 */
import { describe, expect, test } from "vitest";
import { contains, newBudget, shapeOf, type Shape } from "@/lib/authz/containment";

const shape = (actions: string[], resources: string[] = ["*"], negated = false): Shape => ({ actions, negated, resources });
const decided = (budget: number, subject: Shape, allows: Shape[], denies: Shape[] = []) =>
  !("undecided" in contains({ allows, denies }, subject, [], newBudget(budget)));

describe("shapeOf", () => {
  test("a NotAction statement covers every action it does not name, on every resource", () => {
    expect(shapeOf({ Effect: "Allow", NotAction: ["IAM:*"] })).toEqual({ actions: ["iam:*"], negated: true, resources: ["*"] });
  });

  test("a statement naming no action at all covers every action", () => {
    expect(shapeOf({ Effect: "Allow" } as never)).toEqual({ actions: [], negated: true, resources: ["*"] });
  });

  test("an Action statement keeps its resources and lower-cases its actions", () => {
    expect(shapeOf({ Effect: "Deny", Action: ["ECS:Instances:Delete"], Resource: ["ecs:*:acc:instance:Web"] })).toEqual({
      actions: ["ecs:instances:delete"],
      negated: false,
      resources: ["ecs:*:acc:instance:Web"],
    });
  });
});

describe("handing on exactly what one holds is settled without search, and only then", () => {
  test("Action and NotAction of the same patterns are not the same statement", () => {
    expect(contains({ allows: [shape(["iam:*"], ["*"], true)], denies: [] }, shape(["iam:*"])).contained).toBe(false);
    expect(contains({ allows: [shape(["iam:*"])], denies: [] }, shape(["iam:*"], ["*"], true)).contained).toBe(false);
  });

  test("pattern lists are compared item by item, not as one run of text", () => {
    expect(contains({ allows: [shape(["ecs:a", "b"])], denies: [] }, shape(["ecs:ab"])).contained).toBe(false);
    expect(contains({ allows: [shape(["ecs:*"], ["x", "y"])], denies: [] }, shape(["ecs:*"], ["xy"])).contained).toBe(false);
  });
});

test("a gap that only a character no pattern names can show is still found", () => {
  // `!` is the first stand-in candidate: the holder names it, so the stand-in must be another.
  const holder = [shape(["a!"]), shape(["aa"])];
  const result = contains({ allows: holder, denies: [] }, shape(["a?"]));
  expect(result.contained).toBe(false);
  expect(result).toMatchObject({ witness: { action: expect.stringMatching(/^a[^a!]$/) } });
});

describe("bounds", () => {
  // A question the search settles after a few dozen steps; any Deny in the holder avoids the shortcut.
  const subject = shape(["ecs:instances:*"]);
  const allows = [shape(["ecs:*"])];
  const denies = [shape(["ecs:instances:never"])];

  test("the work budget is spent exactly: the least budget that decides leaves nothing over", () => {
    let low = 0;
    let high = 100_000;
    expect(decided(high, subject, allows, denies)).toBe(true);
    expect(decided(low, subject, allows, denies)).toBe(false);
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (decided(mid, subject, allows, denies)) high = mid;
      else low = mid;
    }
    // `high` decides and `high - 1` does not: the last check ran with exactly zero left, which must still count as within budget.
    expect(contains({ allows, denies }, subject, [], newBudget(high))).toEqual({ contained: false, witness: { action: "ecs:instances:never", resource: "" } });
    expect(contains({ allows, denies }, subject, [], newBudget(high - 1))).toEqual({ contained: false, witness: null, undecided: true });
    // The cost model itself (a product step per automaton and symbol, plus each new transition):
    // this figure changes only when the model does, and then should be re-measured on purpose.
    expect(high).toBe(2445);
    // The search is charged for its work: a generous budget is not left untouched.
    const spent = newBudget(100_000);
    contains({ allows, denies }, subject, [], spent);
    expect(spent.left).toBeLessThan(100_000 - 100);
  });

  test("memory is bounded even when the work budget is not: too many states is undecided, not contained", () => {
    // `*a` followed by fifteen `?` needs 2^15 states to remember which of the last sixteen characters were `a`.
    const wide = shape([`*a${"?".repeat(15)}`]);
    const result = contains({ allows: [shape(["*"])], denies: [shape(["never"])] }, wide, [], newBudget(Number.MAX_SAFE_INTEGER));
    expect(result).toEqual({ contained: false, witness: null, undecided: true });
  });
});
