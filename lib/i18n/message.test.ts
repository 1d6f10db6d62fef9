import { describe, expect, test } from "vitest";
import { english } from "@/tests/helpers/english";
import { phrase, readPhrase, term } from "./message";

describe("phrases", () => {
  test("a phrase travels as a string and comes back whole, nested values too", () => {
    const message = phrase("errors.handOn.notHeld", { policy: "ECS FullAccess", scope: term("domain.scope.all"), action: "ecs:instances:create" });
    expect(readPhrase(message)).toEqual({
      key: "errors.handOn.notHeld",
      values: { policy: "ECS FullAccess", scope: { key: "domain.scope.all" }, action: "ecs:instances:create" },
    });
    expect(english(message)).toBe(
      'You can hand on only permissions you hold: "ECS FullAccess" (All resources) allows ecs:instances:create, which you do not hold.',
    );
  });

  test("an action code is a key segment", () => {
    expect(readPhrase("domain.actions.iam:agencies:create")).toEqual({ key: "domain.actions.iam:agencies:create" });
    expect(english("domain.actions.iam:agencies:create")).toBe("Create an agency");
  });

  // A message can come back from a cookie (the role-ended notice): anything malformed is plain text, never a crash.
  test.each([
    'x.y {"a":null}',
    'x.y {"a":{"key":"not a key"}}',
    'x.y {"a":[1]}',
    'x.y {"a":{"values":{}}}',
    'x.y {"a":1e999}',
    "x.y [1]",
    "x.y {",
    "Plain sentence.",
    "agency.name",
  ])("%j is shown as it is", (text) => {
    const found = readPhrase(text);
    if (found !== null) expect(found.key).toBe(text);
    expect(() => english(text)).not.toThrow();
    expect(english(text)).toBe(text);
  });

  test("a phrase missing its values, or naming a whole section, shows something rather than failing", () => {
    expect(() => english("errors.signIn.throttledSeconds")).not.toThrow();
    expect(english("domain.actions")).toBe("domain.actions");
  });
});
