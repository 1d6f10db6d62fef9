/**
 * Identity conversion rules, in the form Huawei IAM uses for identity providers: each rule's
 * `remote` entries read the claims of a signed-in user (an entry with no condition captures the
 * claim's value as {0}, {1}, … in order; `any_one_of` / `not_any_of` are conditions on a claim),
 * and its `local` entries name the federated user and the user groups it joins when every remote
 * entry holds.
 *
 *   [{"local":[{"user":{"name":"{0}"}},{"group":{"name":"admins"}}],
 *     "remote":[{"type":"email"},{"type":"groups","any_one_of":["cloud-admins"]}]}]
 *
 * Conditions compare literal strings only: a regular expression written by an administrator
 * would run on every sign-in, and one bad pattern could stall the server.
 */
import { type Phrase, type PhraseValue, phrase, term } from "@/lib/i18n/message";
import { locateJsonError } from "@/lib/policy/json-error";
import { hasControlCharacters, isObject } from "@/lib/validation";

export const MAX_RULES_LENGTH = 16_384;
export const MAX_RULES = 20;
export const MAX_ENTRIES = 10;
export const MAX_CONDITION_VALUES = 50;
export const MAX_TEXT = 256;
export const MAX_FEDERATED_NAME = 64;

export interface RemoteEntry {
  type: string;
  anyOneOf?: string[];
  notAnyOf?: string[];
}

export interface ConversionRule {
  /** A template over the rule's captured claims, such as "{0}"; null when the rule names only groups. */
  user: string | null;
  groups: string[];
  remote: RemoteEntry[];
}

/** The rules as stored and shown: Huawei's JSON form. */
export type RulesDocument = {
  local: ({ user: { name: string } } | { group: { name: string } })[];
  remote: ({ type: string } | { type: string; any_one_of: string[] } | { type: string; not_any_of: string[] })[];
}[];

/** `error` is a phrase of the catalogue's `validation.federation`. */
export type RulesResult = { ok: true; rules: ConversionRule[] } | { ok: false; error: string };

const problem = (key: string, values?: Record<string, PhraseValue>) => term(`validation.federation.problems.${key}`, values);
const fail = (path: string, what: Phrase): { ok: false; error: string } => ({ ok: false, error: phrase("validation.federation.at", { path, problem: what }) });

export function parseConversionRules(text: string): RulesResult {
  if (text.trim() === "") return { ok: false, error: phrase("validation.required", { field: term("validation.fields.conversionRules") }) };
  if (text.length > MAX_RULES_LENGTH) return { ok: false, error: phrase("validation.federation.tooLong", { max: MAX_RULES_LENGTH, length: text.length }) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const located = locateJsonError(text);
    if (located === null) return { ok: false, error: phrase("validation.federation.invalidJson", { detail: e instanceof Error ? e.message : String(e) }) };
    return { ok: false, error: phrase("validation.federation.jsonAt", { line: located.line, column: located.column, problem: located.problem }) };
  }
  return validateConversionRules(value);
}

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

function text(path: string, value: unknown): Check<string> {
  if (typeof value !== "string" || value.trim() === "") return fail(path, problem("text"));
  if (value.length > MAX_TEXT) return fail(path, problem("textTooLong", { max: MAX_TEXT }));
  if (hasControlCharacters(value)) return fail(path, problem("controlCharacters"));
  return { ok: true, value: value.trim() };
}

function exactKeys(path: string, value: unknown, allowed: string[], required: string[]): { ok: false; error: string } | null {
  if (!isObject(value)) return fail(path, problem("object"));
  const unknown = Object.keys(value).find((k) => !allowed.includes(k));
  if (unknown !== undefined) return fail(path, problem("unknownField", { field: unknown, fields: allowed.join(", ") }));
  const missing = required.find((k) => !(k in value));
  if (missing !== undefined) return fail(path, problem("missingField", { field: missing }));
  return null;
}

function list(path: string, value: unknown, max: number): Check<unknown[]> {
  if (!Array.isArray(value) || value.length === 0) return fail(path, problem("list"));
  if (value.length > max) return fail(path, problem("tooMany", { max }));
  return { ok: true, value };
}

function remoteEntry(path: string, value: unknown): Check<RemoteEntry> {
  const shape = exactKeys(path, value, ["type", "any_one_of", "not_any_of"], ["type"]);
  if (shape !== null) return shape;
  const entry = value as Record<string, unknown>;
  const type = text(`${path}.type`, entry.type);
  if (!type.ok) return type;
  if ("any_one_of" in entry && "not_any_of" in entry) return fail(path, problem("oneCondition"));
  const conditionKey = "any_one_of" in entry ? "any_one_of" : "not_any_of" in entry ? "not_any_of" : null;
  if (conditionKey === null) return { ok: true, value: { type: type.value } };
  const values = list(`${path}.${conditionKey}`, entry[conditionKey], MAX_CONDITION_VALUES);
  if (!values.ok) return values;
  const strings: string[] = [];
  for (const [i, v] of values.value.entries()) {
    const checked = text(`${path}.${conditionKey}[${i}]`, v);
    if (!checked.ok) return checked;
    strings.push(checked.value);
  }
  return { ok: true, value: conditionKey === "any_one_of" ? { type: type.value, anyOneOf: strings } : { type: type.value, notAnyOf: strings } };
}

const PLACEHOLDER = /\{(\d+)\}/g;

function rule(path: string, value: unknown): Check<ConversionRule> {
  const shape = exactKeys(path, value, ["local", "remote"], ["local", "remote"]);
  if (shape !== null) return shape;
  const raw = value as Record<string, unknown>;
  const remoteList = list(`${path}.remote`, raw.remote, MAX_ENTRIES);
  if (!remoteList.ok) return remoteList;
  const remote: RemoteEntry[] = [];
  for (const [i, entry] of remoteList.value.entries()) {
    const checked = remoteEntry(`${path}.remote[${i}]`, entry);
    if (!checked.ok) return checked;
    remote.push(checked.value);
  }
  const captured = remote.filter(isCapture).length;
  const localList = list(`${path}.local`, raw.local, MAX_ENTRIES);
  if (!localList.ok) return localList;
  let user: string | null = null;
  const groups: string[] = [];
  for (const [i, entry] of localList.value.entries()) {
    const at = `${path}.local[${i}]`;
    if (!isObject(entry) || Object.keys(entry).length !== 1 || !("user" in entry || "group" in entry))
      return fail(at, problem("localEntry", { userForm: '{"user":{"name":…}}', groupForm: '{"group":{"name":…}}' }));
    const kind = "user" in entry ? "user" : "group";
    const named = exactKeys(`${at}.${kind}`, entry[kind], ["name"], ["name"]);
    if (named !== null) return named;
    const name = text(`${at}.${kind}.name`, (entry[kind] as Record<string, unknown>).name);
    if (!name.ok) return name;
    if (kind === "group") {
      if (!groups.includes(name.value)) groups.push(name.value);
      continue;
    }
    if (user !== null) return fail(at, problem("oneUser"));
    for (const [, index] of name.value.matchAll(PLACEHOLDER)) {
      if (Number(index) >= captured) return fail(`${at}.user.name`, problem("placeholder", { placeholder: `{${index}}`, captured }));
    }
    user = name.value;
  }
  return { ok: true, value: { user, groups, remote } };
}

export function validateConversionRules(value: unknown): RulesResult {
  const rules = list("rules", value, MAX_RULES);
  if (!rules.ok) return { ok: false, error: phrase("validation.federation.notList", { max: MAX_RULES }) };
  const parsed: ConversionRule[] = [];
  for (const [i, entry] of rules.value.entries()) {
    const checked = rule(`[${i}]`, entry);
    if (!checked.ok) return checked;
    parsed.push(checked.value);
  }
  if (!parsed.some((r) => r.user !== null)) return { ok: false, error: phrase("validation.federation.noUserRule", { example: '{"user":{"name":"{0}"}}' }) };
  return { ok: true, rules: parsed };
}

const isCapture = (entry: RemoteEntry) => entry.anyOneOf === undefined && entry.notAnyOf === undefined;

/** The claims the rules read: what the provider must send for them to match. */
export function claimsRead(rules: ConversionRule[]): string[] {
  return [...new Set(rules.flatMap((r) => r.remote.map((e) => e.type)))];
}

/** Every group the rules name, once each. */
export function groupsNamed(rules: ConversionRule[]): string[] {
  return [...new Set(rules.flatMap((r) => r.groups))];
}

/** A claim's values as strings: a string, a number or a boolean is one value; a list gives each of its scalar items. */
function claimValues(claims: Record<string, unknown>, type: string): string[] | null {
  if (!Object.hasOwn(claims, type)) return null;
  const value = claims[type];
  const scalar = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null);
  if (Array.isArray(value)) return value.map(scalar).filter((v): v is string => v !== null);
  const one = scalar(value);
  return one === null ? null : [one];
}

export type Conversion = { ok: true; name: string; groups: string[] } | { ok: false; reason: "no_rule_matched" | "invalid_name" };

/**
 * What a signed-in user becomes: the name from the first matching rule that names a user, and the
 * groups of every matching rule. A claim that is missing makes its rule not match.
 */
export function convert(rules: ConversionRule[], claims: Record<string, unknown>): Conversion {
  let name: string | null = null;
  const groups = new Set<string>();
  let matched = false;
  for (const r of rules) {
    const captures: string[] = [];
    let holds = true;
    for (const entry of r.remote) {
      const values = claimValues(claims, entry.type);
      if (values === null || values.length === 0) {
        holds = false;
        break;
      }
      if (entry.anyOneOf !== undefined && !values.some((v) => entry.anyOneOf!.includes(v))) holds = false;
      else if (entry.notAnyOf !== undefined && values.some((v) => entry.notAnyOf!.includes(v))) holds = false;
      else if (isCapture(entry)) captures.push(values[0]!);
      if (!holds) break;
    }
    if (!holds) continue;
    matched = true;
    for (const g of r.groups) groups.add(g);
    if (name === null && r.user !== null) name = r.user.replace(PLACEHOLDER, (_, index: string) => captures[Number(index)] ?? "");
  }
  if (!matched || name === null) return { ok: false, reason: "no_rule_matched" };
  const trimmed = name.trim();
  // Format characters (a right-to-left override, a zero-width joiner) would let a claim read as another name.
  if (trimmed === "" || trimmed.length > MAX_FEDERATED_NAME || hasControlCharacters(trimmed) || /\p{Cf}/u.test(trimmed)) {
    return { ok: false, reason: "invalid_name" };
  }
  return { ok: true, name: trimmed, groups: [...groups] };
}
