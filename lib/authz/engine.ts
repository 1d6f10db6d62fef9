/**
 * The authorization engine: a pure function from grants and a request to a decision.
 * Explicit Deny beats Allow; without a matching Allow the answer is an implicit deny.
 * Every decision names what decided it, so denials can be explained and audited.
 */
import type { ConditionOperator, PolicyDocument, Statement } from "@/lib/policy/document";

export type Scope =
  | { kind: "all" }
  | { kind: "global" }
  | { kind: "regions"; regions: string[] }
  | { kind: "projects"; projects: string[] };

export interface Grant {
  policyName: string;
  document: PolicyDocument;
  scope: Scope;
  /** Where the grant comes from, e.g. `group admins`; shown in explanations. */
  source: string;
}

export interface AuthzRequest {
  action: string;
  resource: string;
  /** Region of the resource; null or absent for global services such as IAM. */
  region?: string | null;
  enterpriseProjectId?: string | null;
  /** Extra condition keys (`g:UserName`, …). */
  context?: Record<string, string>;
  /** Ask whether the action is allowed in at least some scope (used before listing, to tell "nothing visible" from "not allowed"). */
  anyScope?: boolean;
}

export type DecidedBy =
  | { kind: "root"; account: string }
  | { kind: "statement"; policyName: string; statementIndex: number; source: string };

export type Decision =
  | { allowed: true; effect: "Allow"; decidedBy: DecidedBy }
  | { allowed: false; effect: "Deny"; decidedBy: DecidedBy }
  | { allowed: false; effect: "ImplicitDeny"; decidedBy: null };

const patternCache = new Map<string, RegExp>();

const escapeGlob = (pattern: string) => pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");

/** `*` matches any run of characters (colons included), `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? "i" : "s"}${pattern}`;
  let re = patternCache.get(key);
  if (re === undefined) {
    re = new RegExp(`^${escapeGlob(pattern)}$`, ignoreCase ? "is" : "s");
    if (patternCache.size > 10_000) patternCache.clear();
    patternCache.set(key, re);
  }
  return re.test(value);
}

export function scopeApplies(scope: Scope, request: AuthzRequest): boolean {
  if (request.anyScope) return true;
  switch (scope.kind) {
    case "all":
      return true;
    case "global":
      return request.region == null;
    case "regions":
      return request.region != null && scope.regions.includes(request.region);
    case "projects":
      return request.enterpriseProjectId != null && scope.projects.includes(request.enterpriseProjectId);
  }
}

function conditionContext(request: AuthzRequest): Record<string, string> {
  const context: Record<string, string> = { ...request.context };
  if (request.region != null) context["g:RequestedRegion"] = request.region;
  if (request.enterpriseProjectId != null) context["g:EnterpriseProjectId"] = request.enterpriseProjectId;
  return context;
}

function operatorHolds(operator: ConditionOperator, actual: string | undefined, expected: string[]): boolean {
  switch (operator) {
    case "StringEquals":
      return actual !== undefined && expected.includes(actual);
    case "StringNotEquals":
      return actual === undefined || !expected.includes(actual);
    case "StringLike":
      return actual !== undefined && expected.some((p) => wildcardMatch(p, actual, false));
    case "StringNotLike":
      return actual === undefined || !expected.some((p) => wildcardMatch(p, actual, false));
  }
}

/** One regular expression for a whole list of patterns; null when the list matches everything. */
function anyOf(patterns: string[], ignoreCase: boolean): RegExp | null {
  if (patterns.includes("*")) return null;
  return new RegExp(`^(?:${patterns.map(escapeGlob).join("|")})$`, ignoreCase ? "is" : "s");
}

interface CompiledStatement {
  action?: RegExp | null;
  notAction?: RegExp | null;
  resource: RegExp | null;
}

// Statements are compiled once and reused for every decision made with them.
const compiled = new WeakMap<Statement, CompiledStatement>();

function compile(statement: Statement): CompiledStatement {
  let c = compiled.get(statement);
  if (c === undefined) {
    c = { resource: anyOf(statement.Resource ?? ["*"], false) };
    if (statement.Action !== undefined) c.action = anyOf(statement.Action, true);
    if (statement.NotAction !== undefined) c.notAction = anyOf(statement.NotAction, true);
    compiled.set(statement, c);
  }
  return c;
}

function statementMatches(statement: Statement, request: AuthzRequest, context: Record<string, string>): boolean {
  const c = compile(statement);
  if (c.action !== undefined && c.action !== null && !c.action.test(request.action)) return false;
  if (c.notAction !== undefined && (c.notAction === null || c.notAction.test(request.action))) return false;
  if (!request.anyScope && c.resource !== null && !c.resource.test(request.resource)) return false;
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(keys ?? {})) {
      if (!operatorHolds(operator as ConditionOperator, context[key], expected)) return false;
    }
  }
  return true;
}

export function evaluate(grants: readonly Grant[], request: AuthzRequest): Decision {
  const context = conditionContext(request);
  let allow: DecidedBy | null = null;
  for (const grant of grants) {
    if (!scopeApplies(grant.scope, request)) continue;
    for (const [statementIndex, statement] of grant.document.Statement.entries()) {
      if (!statementMatches(statement, request, context)) continue;
      const decidedBy: DecidedBy = { kind: "statement", policyName: grant.policyName, statementIndex, source: grant.source };
      if (statement.Effect === "Deny") return { allowed: false, effect: "Deny", decidedBy };
      allow ??= decidedBy;
    }
  }
  return allow === null
    ? { allowed: false, effect: "ImplicitDeny", decidedBy: null }
    : { allowed: true, effect: "Allow", decidedBy: allow };
}

export function rootDecision(accountName: string): Decision {
  return { allowed: true, effect: "Allow", decidedBy: { kind: "root", account: accountName } };
}

export function explainDecision(decision: Decision): string {
  const by = decision.decidedBy;
  if (by === null) return "No statement allows this action (implicit deny).";
  if (by.kind === "root") return `Allowed: the root user of ${by.account} may do everything in its own account.`;
  const verb = decision.allowed ? "Allowed" : "Denied";
  return `${verb} by statement ${by.statementIndex + 1} of "${by.policyName}" (${by.source}).`;
}
