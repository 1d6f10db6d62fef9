/**
 * Policy documents: the JSON an account writes for a custom policy, and the shape the engine reads.
 * Parsing reports the exact problem (line and column for syntax, the JSON path for structure)
 * because administrators edit these by hand.
 */
import { countWildcards, MAX_PATTERN_LENGTH, MAX_PATTERN_WILDCARDS } from "@/lib/authz/glob";
import { hasControlCharacters } from "@/lib/control-characters";
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

export type ParseResult = { ok: true; document: PolicyDocument } | { ok: false; error: string };

export function parsePolicyDocument(text: string): ParseResult {
  if (text.trim() === "") return { ok: false, error: "Policy content is required." };
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return { ok: false, error: `Policy content must be at most ${MAX_DOCUMENT_LENGTH} characters (it has ${text.length}).` };
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
  const problem = locateJsonError(text);
  if (problem === null) return `Invalid JSON: ${e instanceof Error ? e.message : String(e)}`;
  return `Invalid JSON at line ${problem.line}, column ${problem.column}: ${problem.message}.`;
}

type Check<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (path: string, problem: string): { ok: false; error: string } => ({ ok: false, error: `${path}: ${problem}` });

/** Bounds what one wildcard pattern may cost the engine, and keeps patterns reviewable. */
function patternProblem(item: string): string | null {
  if (item.length > MAX_PATTERN_LENGTH) return `must be at most ${MAX_PATTERN_LENGTH} characters (it has ${item.length}).`;
  const wildcards = countWildcards(item);
  if (wildcards > MAX_PATTERN_WILDCARDS) return `has ${wildcards} wildcards (* or ?); a pattern may have at most ${MAX_PATTERN_WILDCARDS}.`;
  return null;
}

function stringList(value: unknown, path: string, pattern: RegExp, what: string, wildcards = true): Check<string[]> {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) return fail(path, `must be a non-empty list of ${what}s.`);
  for (const [i, item] of list.entries()) {
    if (typeof item !== "string") return fail(`${path}[${i}]`, `must be a string.`);
    // PostgreSQL's jsonb refuses \u0000, and no value needs a control character.
    if (hasControlCharacters(item)) return fail(`${path}[${i}]`, "must not contain control characters.");
    const problem = wildcards ? patternProblem(item) : null;
    if (problem !== null) return fail(`${path}[${i}]`, problem);
    if (!pattern.test(item)) return fail(`${path}[${i}]`, `"${item}" is not a valid ${what}.`);
  }
  return { ok: true, value: list as string[] };
}

function checkCondition(value: unknown, path: string): Check<Condition> {
  if (!isObject(value)) return fail(path, "must be an object of operators.");
  const condition: Condition = {};
  for (const [operator, body] of Object.entries(value)) {
    if (!(conditionOperators as readonly string[]).includes(operator)) {
      return fail(`${path}.${operator}`, `unsupported operator; use one of ${conditionOperators.join(", ")}.`);
    }
    if (!isObject(body) || Object.keys(body).length === 0) return fail(`${path}.${operator}`, "must map condition keys to values.");
    const keys: Record<string, string[]> = {};
    for (const [key, raw] of Object.entries(body)) {
      if (!/^[a-z]+:[A-Za-z]+$/.test(key)) return fail(`${path}.${operator}`, `"${key}" is not a condition key like "g:RequestedRegion".`);
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
  if (!isObject(value)) return fail(path, "must be an object.");
  const known = ["Effect", "Action", "NotAction", "Resource", "Condition"];
  const unknown = Object.keys(value).find((k) => !known.includes(k));
  if (unknown !== undefined) return fail(path, `unknown field "${unknown}"; allowed fields are ${known.join(", ")}.`);
  if (value.Effect !== "Allow" && value.Effect !== "Deny") return fail(`${path}.Effect`, 'must be "Allow" or "Deny".');
  const statement: Statement = { Effect: value.Effect };
  if ((value.Action === undefined) === (value.NotAction === undefined)) {
    return fail(path, 'must have exactly one of "Action" and "NotAction".');
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
  if (!isObject(value)) return { ok: false, error: "The policy must be a JSON object." };
  const unknown = Object.keys(value).find((k) => k !== "Version" && k !== "Statement");
  if (unknown !== undefined) return { ok: false, error: `Unknown field "${unknown}": a policy has only Version and Statement.` };
  if (value.Version !== "1.1" && value.Version !== "1") return { ok: false, error: 'Version: must be "1.1" (or "1").' };
  if (!Array.isArray(value.Statement) || value.Statement.length === 0) {
    return { ok: false, error: "Statement: must be a non-empty list of statements." };
  }
  if (value.Statement.length > MAX_STATEMENTS) {
    return { ok: false, error: `Statement: at most ${MAX_STATEMENTS} statements are allowed.` };
  }
  const statements: Statement[] = [];
  for (const [i, raw] of value.Statement.entries()) {
    const checked = checkStatement(raw, `Statement[${i}]`);
    if (!checked.ok) return checked;
    statements.push(checked.value);
  }
  return { ok: true, document: { Version: value.Version, Statement: statements } };
}
