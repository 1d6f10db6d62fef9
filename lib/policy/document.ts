/**
 * Policy documents: the JSON an account writes for a custom policy, and the shape the engine reads.
 * Parsing reports the exact problem (line and column for syntax, the JSON path for structure)
 * because administrators edit these by hand.
 */
import { countWildcards, MAX_PATTERN_LENGTH, MAX_PATTERN_WILDCARDS } from "@/lib/authz/glob";
import { hasControlCharacters } from "@/lib/control-characters";
import { type Phrase, phrase, type PhraseValue, term } from "@/lib/i18n/message";
import { isObject } from "@/lib/validation";
import { locateJsonError } from "@/lib/policy/json-error";

export type Effect = "Allow" | "Deny";
export type ConditionOperator = "StringEquals" | "StringNotEquals" | "StringLike" | "StringNotLike";
export const conditionOperators: readonly ConditionOperator[] = ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike"];

export type Condition = Partial<Record<ConditionOperator, Record<string, string[]>>>;

export interface Statement {
  Effect: Effect;
  /** Exactly one of Action and NotAction is set. */
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  Condition?: Condition;
}

export interface PolicyDocument {
  Version: "1" | "1.1";
  Statement: Statement[];
}

export const MAX_DOCUMENT_LENGTH = 6144;
export const MAX_STATEMENTS = 100;

const ACTION_PATTERN = /^(\*|[a-z0-9*?-]+:[A-Za-z0-9*?]+(:[A-Za-z0-9*?]+)?)$/;
const RESOURCE_PATTERN = /^[A-Za-z0-9*?:/_.-]+$/;

/** `error` is a phrase (lib/i18n/message.ts) of the catalogue's `validation.policy`. */
export type ParseResult = { ok: true; document: PolicyDocument } | { ok: false; error: string };

export function parsePolicyDocument(text: string): ParseResult {
  if (text.trim() === "") return { ok: false, error: phrase("validation.required", { field: term("validation.fields.policyContent") }) };
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return { ok: false, error: phrase("validation.policy.tooLong", { max: MAX_DOCUMENT_LENGTH, length: text.length }) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: describeSyntaxError(text, e) };
  }
  return validatePolicyDocument(value);
}

function describeSyntaxError(text: string, e: unknown): string {
  const located = locateJsonError(text);
  // The parser's own words are kept only when the locator finds nothing, which should not happen.
  if (located === null) return phrase("validation.policy.invalidJson", { detail: e instanceof Error ? e.message : String(e) });
  return phrase("validation.policy.jsonAt", { line: located.line, column: located.column, problem: located.problem });
}

type Check<T> = { ok: true; value: T } | { ok: false; error: string };
/** A problem at a JSON path: a phrase of `validation.policy.problems`. */
const problem = (key: string, values?: Record<string, PhraseValue>) => term(`validation.policy.problems.${key}`, values);
const fail = (path: string, what: Phrase): { ok: false; error: string } => ({ ok: false, error: phrase("validation.policy.at", { path, problem: what }) });

/** Bounds what one wildcard pattern may cost the engine, and keeps patterns reviewable. */
function patternProblem(item: string): Phrase | null {
  if (item.length > MAX_PATTERN_LENGTH) return problem("patternTooLong", { max: MAX_PATTERN_LENGTH, length: item.length });
  const wildcards = countWildcards(item);
  if (wildcards > MAX_PATTERN_WILDCARDS) return problem("wildcards", { count: wildcards, max: MAX_PATTERN_WILDCARDS });
  return null;
}

/** What a list holds, for its messages: `actions` / `invalidAction` and so on. */
type ListItem = "action" | "resource" | "value";
const listProblem: Record<ListItem, { empty: string; invalid: string }> = {
  action: { empty: "actions", invalid: "invalidAction" },
  resource: { empty: "resources", invalid: "invalidResource" },
  value: { empty: "values", invalid: "invalidValue" },
};

function stringList(value: unknown, path: string, pattern: RegExp, what: ListItem, wildcards = true): Check<string[]> {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) return fail(path, problem(listProblem[what].empty));
  for (const [i, item] of list.entries()) {
    if (typeof item !== "string") return fail(`${path}[${i}]`, problem("notString"));
    // PostgreSQL's jsonb refuses \u0000, and no value needs a control character.
    if (hasControlCharacters(item)) return fail(`${path}[${i}]`, problem("controlCharacters"));
    const tooMuch = wildcards ? patternProblem(item) : null;
    if (tooMuch !== null) return fail(`${path}[${i}]`, tooMuch);
    if (!pattern.test(item)) return fail(`${path}[${i}]`, problem(listProblem[what].invalid, { item }));
  }
  return { ok: true, value: list as string[] };
}

function checkCondition(value: unknown, path: string): Check<Condition> {
  if (!isObject(value)) return fail(path, problem("operators"));
  const condition: Condition = {};
  for (const [operator, body] of Object.entries(value)) {
    if (!(conditionOperators as readonly string[]).includes(operator)) {
      return fail(`${path}.${operator}`, problem("unsupportedOperator", { operators: conditionOperators.join(", ") }));
    }
    if (!isObject(body) || Object.keys(body).length === 0) return fail(`${path}.${operator}`, problem("conditionValues"));
    const keys: Record<string, string[]> = {};
    for (const [key, raw] of Object.entries(body)) {
      if (!/^[a-z]+:[A-Za-z]+$/.test(key)) return fail(`${path}.${operator}`, problem("conditionKey", { key }));
      // Only the Like operators read wildcards; StringEquals compares values as written.
      const like = operator === "StringLike" || operator === "StringNotLike";
      const values = stringList(raw, `${path}.${operator}.${key}`, /^.{1,256}$/, "value", like);
      if (!values.ok) return values;
      keys[key] = values.value;
    }
    condition[operator as ConditionOperator] = keys;
  }
  return { ok: true, value: condition };
}

function checkStatement(value: unknown, path: string): Check<Statement> {
  if (!isObject(value)) return fail(path, problem("statementObject"));
  const known = ["Effect", "Action", "NotAction", "Resource", "Condition"];
  const unknown = Object.keys(value).find((k) => !known.includes(k));
  if (unknown !== undefined) return fail(path, problem("unknownField", { field: unknown, fields: known.join(", ") }));
  if (value.Effect !== "Allow" && value.Effect !== "Deny") return fail(`${path}.Effect`, problem("effect"));
  const statement: Statement = { Effect: value.Effect };
  if ((value.Action === undefined) === (value.NotAction === undefined)) {
    return fail(path, problem("actionOrNotAction"));
  }
  const actionKey = value.Action !== undefined ? "Action" : "NotAction";
  const actions = stringList(value[actionKey], `${path}.${actionKey}`, ACTION_PATTERN, "action");
  if (!actions.ok) return actions;
  statement[actionKey] = actions.value;
  if (value.Resource !== undefined) {
    const resources = stringList(value.Resource, `${path}.Resource`, RESOURCE_PATTERN, "resource");
    if (!resources.ok) return resources;
    statement.Resource = resources.value;
  }
  if (value.Condition !== undefined) {
    const condition = checkCondition(value.Condition, `${path}.Condition`);
    if (!condition.ok) return condition;
    statement.Condition = condition.value;
  }
  return { ok: true, value: statement };
}

export function validatePolicyDocument(value: unknown): ParseResult {
  if (!isObject(value)) return { ok: false, error: phrase("validation.policy.notObject") };
  const unknown = Object.keys(value).find((k) => k !== "Version" && k !== "Statement");
  if (unknown !== undefined) return { ok: false, error: phrase("validation.policy.unknownTopField", { field: unknown }) };
  if (value.Version !== "1.1" && value.Version !== "1") return fail("Version", problem("version"));
  if (!Array.isArray(value.Statement) || value.Statement.length === 0) return fail("Statement", problem("statements"));
  if (value.Statement.length > MAX_STATEMENTS) return fail("Statement", problem("tooManyStatements", { max: MAX_STATEMENTS }));
  const statements: Statement[] = [];
  for (const [i, raw] of value.Statement.entries()) {
    const checked = checkStatement(raw, `Statement[${i}]`);
    if (!checked.ok) return checked;
    statements.push(checked.value);
  }
  return { ok: true, document: { Version: value.Version, Statement: statements } };
}
