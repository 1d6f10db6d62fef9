/**
 * The authorization engine: a pure function from grants and a request to a decision.
 * Explicit Deny beats Allow; without a matching Allow the answer is an implicit deny.
 * Every decision names what decided it, so denials can be explained and audited.
 */
import { compileGlobList, globMatch, type Matcher } from "@/lib/authz/glob";
import type { ConditionOperator, PolicyDocument, Statement } from "@/lib/policy/document";
import { type Phrase, readPhrase, term } from "@/lib/i18n/message";

export type Scope = { kind: "all" } | { kind: "global" } | { kind: "regions"; regions: string[] } | { kind: "projects"; projects: string[] };

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

export type DecidedBy = { kind: "root"; account: string } | { kind: "statement"; policyName: string; statementIndex: number; source: string };

export type Decision =
  | { allowed: true; effect: "Allow"; decidedBy: DecidedBy }
  | { allowed: false; effect: "Deny"; decidedBy: DecidedBy }
  | { allowed: false; effect: "ImplicitDeny"; decidedBy: null };

/** `*` matches any run of characters (colons included), `?` exactly one; kept for callers outside the engine. */
export const wildcardMatch = globMatch;

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

type ConditionCheck = (context: Record<string, string>) => boolean;

// Keys whose value is the request's scope: an anyScope request has none, as it asks about every scope at once.
const SCOPE_KEYS = new Set(["g:RequestedRegion", "g:EnterpriseProjectId"]);

function conditionCheck(operator: ConditionOperator, key: string, expected: string[]): ConditionCheck {
  switch (operator) {
    case "StringEquals":
      return (context) => context[key] !== undefined && expected.includes(context[key]);
    case "StringNotEquals":
      return (context) => context[key] === undefined || !expected.includes(context[key]);
    case "StringLike":
    case "StringNotLike": {
      const like = compileGlobList(expected, false);
      const holds = (actual: string | undefined) => actual !== undefined && (like === null || like(actual));
      return operator === "StringLike" ? (context) => holds(context[key]) : (context) => !holds(context[key]);
    }
  }
}

interface CompiledStatement {
  /** undefined: the statement has no such field; null: it matches every value. */
  action?: Matcher | null;
  notAction?: Matcher | null;
  resource: Matcher | null;
  conditions: { key: string; holds: ConditionCheck }[];
  /** A Deny that holds everywhere: every resource, no condition (with a grant scoped to all, it denies an anyScope request). */
  unconditional: boolean;
}

// Statements are compiled once and reused for every decision made with them; action patterns are
// lower-cased here so that a decision lower-cases only the requested action.
const compiled = new WeakMap<Statement, CompiledStatement>();

function compile(statement: Statement): CompiledStatement {
  let c = compiled.get(statement);
  if (c === undefined) {
    const conditions = Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
      Object.entries(keys ?? {}).map(([key, expected]) => ({ key, holds: conditionCheck(operator as ConditionOperator, key, expected) })),
    );
    const resource = compileGlobList(statement.Resource ?? ["*"], false);
    c = { resource, conditions, unconditional: resource === null && conditions.length === 0 };
    if (statement.Action !== undefined) c.action = compileGlobList(statement.Action, true);
    if (statement.NotAction !== undefined) c.notAction = compileGlobList(statement.NotAction, true);
    compiled.set(statement, c);
  }
  return c;
}

/** `action` is the requested action, lower-cased. */
function statementMatches(statement: Statement, request: AuthzRequest, action: string, context: Record<string, string>): boolean {
  const c = compile(statement);
  if (c.action !== undefined && c.action !== null && !c.action(action)) return false;
  if (c.notAction !== undefined && (c.notAction === null || c.notAction(action))) return false;
  if (!request.anyScope && c.resource !== null && !c.resource(request.resource)) return false;
  for (const { key, holds } of c.conditions) {
    // Asked about any scope, a condition on the region or project holds in some scope.
    if (request.anyScope && SCOPE_KEYS.has(key)) continue;
    if (!holds(context)) return false;
  }
  return true;
}

export function evaluate(grants: readonly Grant[], request: AuthzRequest): Decision {
  const context = conditionContext(request);
  const action = request.action.toLowerCase();
  let allow: DecidedBy | null = null;
  for (const grant of grants) {
    if (!scopeApplies(grant.scope, request)) continue;
    for (const [statementIndex, statement] of grant.document.Statement.entries()) {
      if (!statementMatches(statement, request, action, context)) continue;
      // "Allowed in at least some scope": a Deny refuses that only when it holds in every scope and for every resource.
      if (request.anyScope && statement.Effect === "Deny" && !(grant.scope.kind === "all" && compile(statement).unconditional)) continue;
      const decidedBy: DecidedBy = { kind: "statement", policyName: grant.policyName, statementIndex, source: grant.source };
      if (statement.Effect === "Deny") return { allowed: false, effect: "Deny", decidedBy };
      allow ??= decidedBy;
    }
  }
  return allow === null ? { allowed: false, effect: "ImplicitDeny", decidedBy: null } : { allowed: true, effect: "Allow", decidedBy: allow };
}

export function rootDecision(accountName: string): Decision {
  return { allowed: true, effect: "Allow", decidedBy: { kind: "root", account: accountName } };
}

export function explainDecision(decision: Decision): Phrase {
  const by = decision.decidedBy;
  if (by === null) return term("errors.decision.implicitDeny");
  if (by.kind === "root") return term("errors.decision.root", { account: by.account });
  // A grant names its source as a phrase ("group admins"), put into words with the rest.
  const values = { statement: by.statementIndex + 1, policy: by.policyName, source: readPhrase(by.source) ?? by.source };
  return term(decision.allowed ? "errors.decision.allowedBy" : "errors.decision.deniedBy", values);
}
