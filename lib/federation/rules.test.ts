import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { english } from "@/tests/helpers/english";
import { type ConversionRule, claimsRead, convert, groupsNamed, MAX_RULES, parseConversionRules } from "./rules";

const issueExample = JSON.stringify([
  {
    local: [{ user: { name: "{0}" } }, { group: { name: "admins" } }],
    remote: [{ type: "email" }, { type: "groups", any_one_of: ["cloud-admins"] }],
  },
]);

function parsed(text: string): ConversionRule[] {
  const result = parseConversionRules(text);
  if (!result.ok) throw new Error(english(result.error));
  return result.rules;
}

const refusal = (value: unknown) => {
  const result = parseConversionRules(typeof value === "string" ? value : JSON.stringify(value));
  expect(result.ok).toBe(false);
  return result.ok ? "" : english(result.error);
};

describe("parsing conversion rules", () => {
  test("reads the issue's example: the user from the first captured claim, the group on a condition", () => {
    expect(parsed(issueExample)).toEqual([{ user: "{0}", groups: ["admins"], remote: [{ type: "email" }, { type: "groups", anyOneOf: ["cloud-admins"] }] }]);
  });

  test.each([
    ["", /Identity conversion rules is required|required/],
    ["[", /Invalid JSON at line 1, column 2/],
    [{}, /must be a list of 1 to 20 rules/],
    [[], /must be a list of 1 to 20 rules/],
    [
      [{ local: [{ group: { name: "admins" } }], remote: [{ type: "email" }] }],
      /At least one rule must name the federated user, as in \{"user":\{"name":"\{0\}"\}\}/,
    ],
    [
      [{ local: [{ user: { name: "{1}" } }], remote: [{ type: "email" }] }],
      /^\[0\]\.local\[0\]\.user\.name: \{1\} refers to a claim the rule does not capture \(it captures 1 claim, numbered from 0\)/,
    ],
    [[{ local: [{ user: { name: "{0}" } }], remote: [{ type: "groups", any_one_of: ["x"] }] }], /captures no claim/],
    [[{ local: [{ user: { name: "a" } }], remote: [{ type: "email", regex: true }] }], /^\[0\]\.remote\[0\]: unknown field "regex"/],
    [[{ local: [{ user: { name: "a" } }], remote: [{ type: "g", any_one_of: ["x"], not_any_of: ["y"] }] }], /may have one condition/],
    [[{ local: [{ user: { name: "a" } }, { user: { name: "b" } }], remote: [{ type: "email" }] }], /may name the user once/],
    [[{ local: [{ role: { name: "a" } }], remote: [{ type: "email" }] }], /^\[0\]\.local\[0\]: must be \{"user":\{"name":…\}\} or \{"group":\{"name":…\}\}/],
    [[{ local: [{ user: { name: "a" } }], remote: [] }], /^\[0\]\.remote: must be a non-empty list/],
    [[{ local: [{ user: { name: "a\u0000" } }], remote: [{ type: "email" }] }], /control characters/],
    [[{ local: [{ user: { name: "a" } }], remote: [{ type: "email", any_one_of: [] }] }], /any_one_of: must be a non-empty list/],
    [Array.from({ length: MAX_RULES + 1 }, () => ({ local: [{ user: { name: "a" } }], remote: [{ type: "email" }] })), /1 to 20 rules/],
  ])("refuses %j with a message that says where", (input, message) => {
    expect(refusal(input)).toMatch(message);
  });

  test("refuses text beyond the size limit before parsing it", () => {
    expect(refusal(`[${" ".repeat(20_000)}]`)).toMatch(/at most 16384 characters/);
  });

  test("lists the claims the rules read and the groups they name, once each", () => {
    const rules = parsed(
      JSON.stringify([
        { local: [{ user: { name: "{0}" } }, { group: { name: "admins" } }], remote: [{ type: "email" }, { type: "groups", any_one_of: ["a"] }] },
        { local: [{ group: { name: "admins" } }, { group: { name: "readers" } }], remote: [{ type: "email" }] },
      ]),
    );
    expect(claimsRead(rules)).toEqual(["email", "groups"]);
    expect(groupsNamed(rules)).toEqual(["admins", "readers"]);
  });
});

describe("converting a signed-in user's claims", () => {
  const rules = parsed(
    JSON.stringify([
      { local: [{ user: { name: "{0}" } }, { group: { name: "admins" } }], remote: [{ type: "email" }, { type: "groups", any_one_of: ["cloud-admins"] }] },
      { local: [{ user: { name: "{1} ({0})" } }, { group: { name: "readers" } }], remote: [{ type: "email" }, { type: "name" }] },
      {
        local: [{ group: { name: "operators" } }],
        remote: [
          { type: "groups", any_one_of: ["ops"] },
          { type: "contractor", not_any_of: ["true"] },
        ],
      },
    ]),
  );

  test("the first matching rule that names a user decides the name; every matching rule adds its groups", () => {
    expect(convert(rules, { email: "ann@corp.example", name: "Ann", groups: ["cloud-admins", "ops"], contractor: false })).toEqual({
      ok: true,
      name: "ann@corp.example",
      groups: ["admins", "readers", "operators"],
    });
  });

  test("a condition that does not hold, or a claim that is missing, leaves its rule out", () => {
    expect(convert(rules, { email: "bo@corp.example", name: "Bo", groups: ["ops"], contractor: true })).toEqual({
      ok: true,
      name: "Bo (bo@corp.example)",
      groups: ["readers"],
    });
    expect(convert(rules, { email: "cy@corp.example", groups: ["cloud-admins"] })).toEqual({ ok: true, name: "cy@corp.example", groups: ["admins"] });
  });

  test("no matching rule that names a user refuses the sign-in", () => {
    expect(convert(rules, { groups: ["ops"], contractor: false })).toEqual({ ok: false, reason: "no_rule_matched" });
    expect(convert(rules, {})).toEqual({ ok: false, reason: "no_rule_matched" });
  });

  test("a captured value is inserted once, never read as a template itself", () => {
    expect(convert(rules, { email: "{1}", name: "{0}", groups: [] })).toEqual({ ok: true, name: "{0} ({1})", groups: ["readers"] });
  });

  test("a name that comes out empty, too long or with control characters refuses the sign-in", () => {
    expect(convert(rules, { email: " ", groups: ["cloud-admins"] })).toEqual({ ok: false, reason: "invalid_name" });
    expect(convert(rules, { email: "x".repeat(65), groups: ["cloud-admins"] })).toEqual({ ok: false, reason: "invalid_name" });
    expect(convert(rules, { email: "a\nb", groups: ["cloud-admins"] })).toEqual({ ok: false, reason: "invalid_name" });
    // Shown as "alice@corp.example" by a right-to-left override, or as "alice" with a zero-width joiner.
    expect(convert(rules, { email: "moc.elpmaxe\u202e@ecila", groups: ["cloud-admins"] })).toEqual({ ok: false, reason: "invalid_name" });
    expect(convert(rules, { email: "ali\u200dce", groups: ["cloud-admins"] })).toEqual({ ok: false, reason: "invalid_name" });
  });

  test("only a claim of the token's own reads: an inherited property is no claim", () => {
    const only = parsed(JSON.stringify([{ local: [{ user: { name: "{0}" } }], remote: [{ type: "department" }] }]));
    expect(convert(only, Object.create({ department: "inherited" }) as Record<string, unknown>)).toEqual({ ok: false, reason: "no_rule_matched" });
    expect(convert(only, { department: "own" })).toEqual({ ok: true, name: "own", groups: [] });
  });

  test("objects in a claim are no value: a list keeps its scalar items", () => {
    const byGroup = parsed(
      JSON.stringify([{ local: [{ user: { name: "u" } }, { group: { name: "admins" } }], remote: [{ type: "groups", any_one_of: ["x"] }] }]),
    );
    expect(convert(byGroup, { groups: [{ toString: "x" }, "x"] })).toEqual({ ok: true, name: "u", groups: ["admins"] });
    expect(convert(byGroup, { groups: { x: true } })).toEqual({ ok: false, reason: "no_rule_matched" });
  });
});

describe("the README's example rules", () => {
  // The example administrators copy: it must parse, and it must not let an unverified address name anyone.
  const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
  const example = /A rule set for a company[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const rules = parsed(example);

  test("a verified address is named, and placed in admins when in cloud-admins", () => {
    expect(convert(rules, { email: "ann@corp.example", email_verified: true, groups: ["cloud-admins"] })).toEqual({
      ok: true,
      name: "ann@corp.example",
      groups: ["admins"],
    });
    expect(convert(rules, { email: "bo@corp.example", email_verified: true })).toEqual({ ok: true, name: "bo@corp.example", groups: [] });
  });

  test("an unverified or unknown-verified address names no one", () => {
    expect(convert(rules, { email: "alice", email_verified: false, groups: ["cloud-admins"] })).toEqual({ ok: false, reason: "no_rule_matched" });
    expect(convert(rules, { email: "alice", groups: ["cloud-admins"] })).toEqual({ ok: false, reason: "no_rule_matched" });
  });
});
