import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parsePolicyDocument, validatePolicyDocument } from "@/lib/policy/document";
import { locateJsonError } from "@/lib/policy/json-error";
import { english } from "@/tests/helpers/english";

describe("policy documents under arbitrary input", () => {
  test("the parser never throws: any text is a document or one clear message", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parsePolicyDocument(text);
        if (!result.ok) expect(english(result.error).length).toBeGreaterThan(5);
      }),
      { numRuns: 2000 },
    );
  });

  test("any JSON value is accepted or rejected with a message naming where", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = validatePolicyDocument(value);
        if (!result.ok) expect(english(result.error)).toMatch(/^(The policy must be|Unknown field "|Version: |Statement(\[\d+\])?[.:[])/);
      }),
      { numRuns: 2000 },
    );
  });

  test("documents built from the grammar are accepted and kept as written", () => {
    const action = fc.constantFrom("ecs:instances:list", "iam:*", "resourcemanager:RegisterDelegatedAdministrator", "*", "obs:buckets:get*");
    const statement = fc.record({
      Effect: fc.constantFrom("Allow", "Deny"),
      Action: fc.array(action, { minLength: 1, maxLength: 4 }),
      Resource: fc.array(fc.constantFrom("*", "ecs:cn-north-4:*:instance:web-*"), { minLength: 1, maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.constantFrom("1", "1.1"), fc.array(statement, { minLength: 1, maxLength: 5 }), (version, statements) => {
        const result = parsePolicyDocument(JSON.stringify({ Version: version, Statement: statements }));
        expect(result).toEqual({ ok: true, document: { Version: version, Statement: statements } });
      }),
      { numRuns: 500 },
    );
  });

  test("the syntax error locator agrees with JSON.parse on what is valid", () => {
    const nearJson = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.json({ maxDepth: 3 }).chain((j) => fc.nat(j.length).map((i) => j.slice(0, i) + j.slice(i + 1))),
      fc
        .json({ maxDepth: 3 })
        .chain((j) => fc.tuple(fc.nat(j.length), fc.constantFrom(",", "}", "]", '"', ":", "x")).map(([i, c]) => j.slice(0, i) + c + j.slice(i))),
    );
    fc.assert(
      fc.property(nearJson, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const problem = locateJsonError(text);
        expect(problem === null).toBe(valid);
        if (problem !== null) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("hostile text never throws: deep nesting, NUL and control characters, wildcard floods", () => {
    const control = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));
    const escaped = control.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const deep = fc
      .tuple(fc.integer({ min: 65, max: 6100 }), fc.constantFrom("[", '{"a":', '{"Version":"1.1","Statement":['))
      .map(([n, open]) => open.repeat(Math.ceil(n / open.length)).slice(0, 6100));
    const plain = fc.string({ maxLength: 100 }).map((text) => text.replace(/[\\"]/g, ""));
    const hostileValue = fc.oneof(
      // Backslashes and quotes are left out around the control character: a trailing backslash would escape its escape.
      fc.tuple(plain, fc.oneof(control, escaped), plain).map((parts) => parts.join("")),
      fc.integer({ min: 11, max: 40 }).map((n) => "*a".repeat(n)),
    );
    const inDocument = hostileValue.chain((v) =>
      fc.constantFrom(
        `{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["${v}"]}]}`,
        `{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*"],"Resource":["${v}"]}]}`,
        `{"Version":"1.1","Statement":[{"Effect":"Allow","Action":["*"],"Condition":{"StringLike":{"g:UserName":["${v}"]}}}]}`,
      ),
    );
    fc.assert(
      fc.property(fc.oneof(deep, inDocument), (text) => {
        const result = parsePolicyDocument(text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(english(result.error)).toMatch(/^(Invalid JSON at line \d+, column \d+: |Statement\[0\]\.|Policy content)/);
      }),
      { numRuns: 500 },
    );
  });
});
