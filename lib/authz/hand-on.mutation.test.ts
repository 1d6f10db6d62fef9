/**
 * "Hand on only what you hold", without a database: the scope cells, conditions, Deny statements
 * and the naming of a gap (issue 11's mutation run found these reached only through integration
 * tests, or not at all).
 */
import { describe, expect, test } from "vitest";
import type { Grant, Scope } from "@/lib/authz/engine";
import { findShortfall, iamManagementIn, restrictionsOf, scopeCovers, type Lending } from "@/lib/authz/hand-on";
import type { PolicyDocument, Statement } from "@/lib/policy/document";

const universe = { regions: ["r1", "r2"], projects: ["p1", "p2"] };
const doc = (...Statement: Statement[]): PolicyDocument => ({ Version: "1.1", Statement });
const allow = (...Action: string[]): Statement => ({ Effect: "Allow", Action });
const deny = (...Action: string[]): Statement => ({ Effect: "Deny", Action });
const all: Scope = { kind: "all" };
const regions = (...r: string[]): Scope => ({ kind: "regions", regions: r });
const holds = (document: PolicyDocument, scope: Scope = all): Grant => ({ policyName: "held", document, scope, source: "group g" });
const lends = (document: PolicyDocument, scope: Scope = all, policyName = "lent"): Lending => ({ policyName, document, scope });

describe("findShortfall", () => {
  test("holding a policy in one region does not cover lending it in two, and the gap names a console action", () => {
    const ecs = doc(allow("ecs:*:*"));
    expect(findShortfall([holds(ecs, regions("r1", "r2"))], [lends(ecs, regions("r1", "r2"))], universe)).toBeNull();
    expect(findShortfall([holds(ecs, regions("r1"))], [lends(ecs, regions("r1", "r2"))], universe)).toEqual({
      policyName: "lent",
      scope: regions("r1", "r2"),
      action: "ecs:instances:list",
    });
    expect(findShortfall([holds(ecs, regions("r1"))], [lends(ecs, regions("r1"))], universe)).toBeNull();
  });

  test("grants of one region each together cover a lending in both", () => {
    const ecs = doc(allow("ecs:*:*"));
    expect(findShortfall([holds(ecs, regions("r1")), holds(ecs, regions("r2"))], [lends(ecs, regions("r1", "r2"))], universe)).toBeNull();
  });

  test("the holder's Deny, even a conditional one, holds back what it names", () => {
    const denyOnStart: Statement = { Effect: "Deny", Action: ["ecs:instances:start"], Condition: { StringEquals: { "g:UserName": ["x"] } } };
    const gap = findShortfall([holds(doc(allow("ecs:*:*"), denyOnStart))], [lends(doc(allow("ecs:instances:*")))], universe);
    expect(gap).toMatchObject({ policyName: "lent", action: "ecs:instances:start" });
  });

  test("a conditional Allow of the holder covers only a lending under the very same condition", () => {
    const condition = { StringEquals: { "g:RequestedRegion": ["r1"] } };
    const held = holds(doc({ Effect: "Allow", Action: ["ecs:*:*"], Condition: condition }));
    expect(findShortfall([held], [lends(doc({ Effect: "Allow", Action: ["ecs:instances:start"], Condition: condition }))], universe)).toBeNull();
    expect(findShortfall([held], [lends(doc(allow("ecs:instances:start")))], universe)).toMatchObject({ action: "ecs:instances:start" });
    const other = { StringEquals: { "g:RequestedRegion": ["r2"] } };
    expect(findShortfall([held], [lends(doc({ Effect: "Allow", Action: ["ecs:instances:start"], Condition: other }))], universe)).not.toBeNull();
  });

  test("a lending's own unconditional Deny narrows it; a conditional one does not", () => {
    const held = [holds(doc(allow("ecs:instances:list")))];
    expect(findShortfall(held, [lends(doc(allow("ecs:instances:list*")))], universe)).not.toBeNull();
    expect(findShortfall(held, [lends(doc(allow("ecs:instances:list*"), deny("ecs:instances:list?*")))], universe)).toBeNull();
    const conditional: Statement = { Effect: "Deny", Action: ["ecs:instances:list?*"], Condition: { StringEquals: { "g:UserName": ["x"] } } };
    expect(findShortfall(held, [lends(doc(allow("ecs:instances:list*"), conditional))], universe)).not.toBeNull();
  });

  test("Deny statements of the context narrow the lendings only where their grant applies", () => {
    const held = [holds(doc(allow("ecs:instances:list")))];
    const lent = lends(doc(allow("ecs:instances:*")));
    const narrowing: Grant = { policyName: "ctx", document: doc({ Effect: "Deny", NotAction: ["ecs:instances:list"] }), scope: all, source: "" };
    expect(findShortfall(held, [lent], universe, [narrowing])).toBeNull();
    expect(findShortfall(held, [lent], universe, [{ ...narrowing, scope: regions("r1") }])).not.toBeNull();
    expect(
      findShortfall(held, [lent], universe, [
        { ...narrowing, document: doc({ ...narrowing.document.Statement[0]!, Condition: { StringEquals: { "g:UserName": ["x"] } } }) },
      ]),
    ).not.toBeNull();
  });

  test("only Allow statements of a lending hand anything on", () => {
    expect(findShortfall([], [lends(doc(deny("ecs:*:*")))], universe)).toBeNull();
  });

  test("a gap outside the console's actions is named by the search's witness or the pattern", () => {
    expect(findShortfall([], [lends(doc(allow("zz:x:y")))], universe)).toMatchObject({ action: "zz:x:y" });
    expect(findShortfall([], [lends(doc(allow("zz:*")))], universe)).toMatchObject({ action: "zz:" });
    // NotAction `*:*` leaves only actions without a colon; the shortest is empty, so the statement itself is named.
    expect(findShortfall([], [lends(doc({ Effect: "Allow", NotAction: ["*:*"] }))], universe)).toMatchObject({ action: "every action except *:*" });
    expect(findShortfall([], [lends(doc({ Effect: "Allow", NotAction: ["*"] }))], universe)).toBeNull();
  });

  test("a comparison too costly to finish is undecided and names the statement's patterns", () => {
    const costly = doc(allow(`*a${"?".repeat(15)}`, "ecs:*"));
    const held = [holds(doc(allow("*"), deny("never")))];
    expect(findShortfall(held, [lends(costly)], universe)).toEqual({ policyName: "lent", scope: all, action: `*a${"?".repeat(15)}, ecs:*`, undecided: true });
  });
});

describe("scopeCovers", () => {
  test("an outer scope covers an inner one when it reaches every cell the inner one reaches", () => {
    expect(scopeCovers(all, regions("r1"), universe)).toBe(true);
    expect(scopeCovers(regions("r1"), all, universe)).toBe(false);
    expect(scopeCovers(regions("r1", "r2"), regions("r2"), universe)).toBe(true);
    expect(scopeCovers(regions("r2"), regions("r1", "r2"), universe)).toBe(false);
    expect(scopeCovers({ kind: "projects", projects: ["p1"] }, { kind: "global" }, universe)).toBe(false);
    expect(scopeCovers({ kind: "global" }, { kind: "global" }, universe)).toBe(true);
  });
});

describe("iamManagementIn", () => {
  test("reading IAM and switching roles manage nothing; anything else in iam: does", () => {
    expect(iamManagementIn(lends(doc(allow("iam:*:get*", "iam:*:list*", "iam:agencies:assume", "ecs:*:*"))), universe)).toBeNull();
    expect(iamManagementIn(lends(doc(allow("iam:users:*"))), universe)).toBe("iam:users:create");
    expect(iamManagementIn(lends(doc({ Effect: "Allow", NotAction: ["ecs:*"] })), universe)).toMatch(/^iam:/);
  });
});

describe("restrictionsOf", () => {
  test("Deny statements become the Allows they hold back, unconditionally; none, none", () => {
    expect(restrictionsOf(doc(allow("ecs:*:*")))).toBeNull();
    const conditional: Statement = {
      Effect: "Deny",
      Action: ["ecs:instances:delete"],
      Resource: ["ecs:r1:*"],
      Condition: { StringEquals: { "g:UserName": ["x"] } },
    };
    expect(restrictionsOf(doc(allow("ecs:*:*"), conditional, deny("obs:*")))).toEqual(
      doc(
        { Effect: "Allow", Action: ["ecs:instances:delete"], Resource: ["ecs:r1:*"], Condition: undefined },
        { Effect: "Allow", Action: ["obs:*"], Condition: undefined },
      ),
    );
  });
});
