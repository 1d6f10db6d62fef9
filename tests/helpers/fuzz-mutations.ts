/**
 * How the form fuzz changes a valid form: one field to another value worth trying, to a hostile
 * value (control characters, 100 KB, unicode, SQL and markup, numbers written otherwise, lists),
 * repeated or dropped, or a field the form does not have added; sometimes nothing at all. The
 * per-form baselines and values are in form-arbitraries.ts.
 */
import fc from "fast-check";
import type { Who } from "./fuzz-world";

export type Value = string | string[];
export type Fields = Record<string, Value>;
export type Mutation =
  | { kind: "none" }
  | { kind: "alternative" | "outsider" | "hostile"; field: string; value: Value }
  | { kind: "control"; field: string; char: string; at: number }
  | { kind: "repeated" | "missing"; field: string }
  | { kind: "extra"; field: string; value: Value };
export interface Run {
  who: Who;
  mutation: Mutation;
}

/** What the fuzz needs to know of one form. */
export interface FormShape {
  allowed: Who[];
  refused: Who[];
  /** A form that succeeds for an allowed caller; `n` makes its names unique. */
  baseline(n: number): Fields;
  /**
   * Per field, values a user could well send: the other choices, names already taken, lengths at
   * the limit, the caller's other objects. They pass validation; a later rule may still refuse them.
   */
  alternatives: Record<string, Value[]>;
  /** Per field, values from outside: other accounts' objects, ids of nothing or of another kind, choices not offered, too long. */
  outsiders: Record<string, Value[]>;
}

const hostileConstants = [
  "",
  " ",
  "\t",
  "'; drop table users; --",
  "' or '1'='1",
  "%",
  "_",
  "\\",
  '"',
  "<script>alert(1)</script>",
  "{{7*7}}",
  "../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  "${7*7}",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "[object Object]",
  "\u202eevil",
  "zero\u200bwidth",
  "\u0430cme",
  "ＡＣＭＥ",
  "e\u0301",
  "👩‍👩‍👧‍👦",
  "\ud800",
  "\ufeffbom",
];
// Numbers a lenient parser would read as something else: hex, exponent, binary, octal, padded, signed, too big, not ASCII.
const notDecimal = fc
  .integer({ min: -400, max: 400 })
  .chain((n) =>
    fc.constantFrom(
      `0x${n.toString(16)}`,
      `${n}e0`,
      `0b${Math.abs(n).toString(2)}`,
      `0o${Math.abs(n).toString(8)}`,
      ` ${n}`,
      `${n} `,
      `+${n}`,
      `${n}.0`,
      `${n}n`,
      "1_0",
      "NaN",
      "-Infinity",
      "9007199254740993",
      "٣",
    ),
  );
export const controlCharacter = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));
const huge = fc.constantFrom("x", "é", "😀", "'", "\u0000").map((c) => c.repeat(100_000 / c.length));
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileConstants) },
  { weight: 1, arbitrary: huge },
  { weight: 2, arbitrary: notDecimal },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
);
export const hostileValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) },
);
// Fields no form has: ids a client might hope to assign, Next's own fields, prototype keys.
const extraKeys = [
  "accountId",
  "id",
  "principalAccountId",
  "delegatedAccountId",
  "userId",
  "$ACTION_ID_fuzz",
  "$ACTION_REF_1",
  "__proto__",
  "constructor",
  "toString",
];

const choice = (values: Record<string, Value[]>) => fc.constantFrom(...Object.entries(values).flatMap(([field, vs]) => vs.map((value) => ({ field, value }))));

/** Runs of one form: who posts (three allowed callers to one refused) and what is changed. `foreignIds` go into added fields. */
export function runs(form: FormShape, foreignIds: string[]): fc.Arbitrary<Run> {
  const field = fc.constantFrom(...new Set([...Object.keys(form.baseline(0)), ...Object.keys(form.alternatives), ...Object.keys(form.outsiders)]));
  // Three runs in four should reach the authorization check (the rule under test): with 60 runs a form then falls
  // under the half the test asks for about once in 10^5 seeds. The other quarter is refused before it.
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: "none" as const }) },
    { weight: 12, arbitrary: choice(form.alternatives).map((m) => ({ kind: "alternative" as const, ...m })) },
    { weight: 2, arbitrary: choice(form.outsiders).map((m) => ({ kind: "outsider" as const, ...m })) },
    { weight: 2, arbitrary: fc.record({ field, value: hostileValue }).map((m) => ({ kind: "hostile" as const, ...m })) },
    { weight: 1, arbitrary: fc.record({ field, char: controlCharacter, at: fc.nat(40) }).map((m) => ({ kind: "control" as const, ...m })) },
    { weight: 1, arbitrary: fc.record({ field, kind: fc.constantFrom("repeated" as const, "missing" as const) }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ field: fc.constantFrom(...extraKeys), value: fc.oneof(fc.constantFrom(...foreignIds), hostileValue) })
        .map((m) => ({ kind: "extra" as const, ...m })),
    },
  );
  const who = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...form.allowed) }, { weight: 1, arbitrary: fc.constantFrom(...form.refused) });
  return fc.record({ who, mutation });
}

export const first = (v: Value | undefined) => String((Array.isArray(v) ? v[0] : v) ?? "").trim();

/** The fields a run posts, and the FormData the browser would send for them (a list as repeated names). */
export function build(form: FormShape, { mutation: m }: Run, n: number): { fields: Fields; data: FormData } {
  const fields = form.baseline(n);
  if (m.kind === "alternative" || m.kind === "outsider" || m.kind === "hostile") fields[m.field] = m.value;
  if (m.kind === "control") {
    const value = first(fields[m.field]);
    const at = m.at % (value.length + 1);
    fields[m.field] = `${value.slice(0, at)}${m.char}${value.slice(at)}`;
  }
  if (m.kind === "repeated") fields[m.field] = [fields[m.field] ?? "", fields[m.field] ?? ""].flat();
  if (m.kind === "missing") delete fields[m.field];
  // Added as a FormData entry only: as a key of `fields`, "__proto__" would set its prototype.
  const entries = Object.entries(fields);
  if (m.kind === "extra") entries.push([m.field, m.value]);
  const data = new FormData();
  for (const [key, value] of entries) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return { fields, data };
}
