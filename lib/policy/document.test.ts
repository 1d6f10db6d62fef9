import { describe, expect, test } from "vitest";
import { parsePolicyDocument } from "@/lib/policy/document";
import { english } from "@/tests/helpers/english";

const ok = (text: string) => {
  const result = parsePolicyDocument(text);
  if (!result.ok) throw new Error(english(result.error));
  return result.document;
};
const error = (text: string) => {
  const result = parsePolicyDocument(text);
  if (result.ok) throw new Error("expected an error");
  return english(result.error);
};

describe("parsePolicyDocument", () => {
  test("accepts the seed's RAM-style Version 1 document", () => {
    const document = ok(`{
      "Version": "1",
      "Statement": [{
        "Action": ["resourcemanager:RegisterDelegatedAdministrator", "resourcemanager:DeregisterDelegatedAdministrator"],
        "Resource": "*",
        "Effect": "Allow"
      }]
    }`);
    expect(document.Statement[0]).toEqual({
      Effect: "Allow",
      Action: ["resourcemanager:RegisterDelegatedAdministrator", "resourcemanager:DeregisterDelegatedAdministrator"],
      Resource: ["*"],
    });
  });

  test("accepts Version 1.1 with conditions", () => {
    const document = ok(
      '{"Version":"1.1","Statement":[{"Effect":"Deny","Action":["ecs:*:*"],"Condition":{"StringEquals":{"g:RequestedRegion":["eu-west-0"]}}}]}',
    );
    expect(document.Statement[0]!.Condition).toEqual({ StringEquals: { "g:RequestedRegion": ["eu-west-0"] } });
  });

  test("reports the line and column of a syntax error", () => {
    expect(error('{\n  "Version": "1.1",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}')).toMatch(/^Invalid JSON at line 4, column \d+/);
  });

  test.each([
    ["", "Policy content is required."],
    ["[]", "The policy must be a JSON object."],
    ['{"Version":"2","Statement":[]}', 'Version: must be "1.1" (or "1").'],
    ['{"Version":"1.1","Statement":[]}', "Statement: must be a non-empty list of statements."],
    ['{"Version":"1.1","Statement":[{"Effect":"allow","Action":["ecs:*:*"]}]}', 'Statement[0].Effect: must be "Allow" or "Deny".'],
    ['{"Version":"1.1","Statement":[{"Effect":"Allow"}]}', 'Statement[0]: must have exactly one of "Action" and "NotAction".'],
    ['{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["ecs instances"]}]}', 'Statement[0].Action[0]: "ecs instances" is not a valid action.'],
    ['{"Version":"1.1","Statement":[{"Effect":"Allow","Action":[3]}]}', "Statement[0].Action[0]: must be a string."],
    [
      '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*"],"Principal":"x"}]}',
      'Statement[0]: unknown field "Principal"; allowed fields are Effect, Action, NotAction, Resource, Condition.',
    ],
    [
      '{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*"],"Condition":{"NumericLessThan":{"g:X":["1"]}}}]}',
      "Statement[0].Condition.NumericLessThan: unsupported operator; use one of StringEquals, StringNotEquals, StringLike, StringNotLike.",
    ],
    ['{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*"]}],"Id":"x"}', 'Unknown field "Id": a policy has only Version and Statement.'],
  ])("rejects %s", (text, message) => {
    expect(error(text)).toBe(message);
  });

  test("rejects documents over the size limit", () => {
    const actions = Array.from({ length: 400 }, (_, i) => `"ecs:instances:op${i}"`).join(",");
    expect(error(`{"Version":"1.1","Statement":[{"Effect":"Allow","Action":[${actions}]}]}`)).toMatch(/at most 6144 characters/);
  });
});

describe("limits that keep one policy from stalling the server", () => {
  const statement = (fields: string) => `{"Version":"1.1","Statement":[{"Effect":"Allow",${fields}}]}`;

  test("a pattern may have at most 10 wildcards; the message names the field", () => {
    expect(ok(statement(`"Action":["ecs:*:*"],"Resource":["ecs:*:*:instance:*a*a*a*a*a*a*b"]`)).Statement[0]!.Resource).toHaveLength(1);
    expect(error(statement(`"Action":["ecs:*:*"],"Resource":["*","ecs:*:*:instance:*a*a*a*a*a*a*a*a*b"]`))).toBe(
      "Statement[0].Resource[1]: has 11 wildcards (* or ?); a pattern may have at most 10.",
    );
    expect(error(statement(`"Action":["ecs:${"?".repeat(11)}"]`))).toBe("Statement[0].Action[0]: has 11 wildcards (* or ?); a pattern may have at most 10.");
    expect(error(statement(`"Action":["*"],"Condition":{"StringLike":{"g:UserName":["${"*a".repeat(11)}"]}}`))).toBe(
      "Statement[0].Condition.StringLike.g:UserName[0]: has 11 wildcards (* or ?); a pattern may have at most 10.",
    );
    // StringEquals does not read wildcards, so they are plain characters there.
    expect(ok(statement(`"Action":["*"],"Condition":{"StringEquals":{"g:UserName":["${"*a".repeat(11)}"]}}`))).toBeDefined();
  });

  test("a pattern may be at most 256 characters long", () => {
    expect(ok(statement(`"Action":["*"],"Resource":["${"r".repeat(256)}"]`))).toBeDefined();
    expect(error(statement(`"Action":["*"],"Resource":["${"r".repeat(257)}"]`))).toBe("Statement[0].Resource[0]: must be at most 256 characters (it has 257).");
  });

  test("condition values refuse control characters, which PostgreSQL cannot store in jsonb", () => {
    expect(error(statement(`"Action":["*"],"Condition":{"StringEquals":{"g:UserName":["a\\u0000b"]}}`))).toBe(
      "Statement[0].Condition.StringEquals.g:UserName[0]: must not contain control characters.",
    );
  });

  test("6,000 nested brackets get a clear message instead of overflowing the stack", () => {
    expect(error("[".repeat(6000))).toBe("Invalid JSON at line 1, column 65: at most 64 levels of nested objects and lists are allowed.");
    expect(error(`{"Version":"1.1","Statement":${"[".repeat(3000)}`)).toMatch(/^Invalid JSON at line 1, column \d+: at most 64 levels/);
  });
});

describe("syntax error positions", () => {
  test.each([
    ['{"Version": "1.1",\n "Statement": [}', 2, 16, 'expected a value but found "}"'],
    ['{"Version": "1.1" "Statement": []}', 1, 19, 'expected "," or "}" but found """'],
    ["{'Version': '1.1'}", 1, 2, 'expected a property name in double quotes but found "\'"'],
    ['{"Version": "1.1",\n\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}', 4, 24, 'expected a property name in double quotes but found "}"'],
    ['{"Version": "1.1"', 1, 18, 'expected "," or "}" but found the end of the text'],
    ['{"a": "unterminated', 1, 20, 'expected a closing quote (") but found the end of the text'],
    ['{"a": 1} trailing', 1, 10, 'expected the end of the text but found "t"'],
  ])("%j → line %i, column %i", (text, line, column, message) => {
    expect(error(text)).toBe(`Invalid JSON at line ${line}, column ${column}: ${message}.`);
  });
});
