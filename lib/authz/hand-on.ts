/**
 * "You can hand on only what you hold": whether a set of grants covers every request that some
 * policies allow in their scopes. Pure; the database-bound checks live in `escalation.ts`.
 *
 * Scopes are compared cell by cell over the account's regions and enterprise projects (plus the
 * global cell of services without a region), so that a grant in two regions is covered by two
 * grants of one region each, and "All resources" only by grants that reach every cell.
 */
import { actionCatalogue } from "@/lib/authz/action-catalogue";
import { compileGlobList } from "@/lib/authz/glob";
import { contains, newBudget, shapeOf, type Shape } from "@/lib/authz/containment";
import { scopeApplies, type Grant, type Scope } from "@/lib/authz/engine";
import type { PolicyDocument, Statement } from "@/lib/policy/document";

export interface Universe {
  regions: string[];
  projects: string[];
}

/** A policy about to be attached, granted or otherwise made effective, in a scope. */
export interface Lending {
  policyName: string;
  document: PolicyDocument;
  scope: Scope;
}

export interface Shortfall {
  policyName: string;
  scope: Scope;
  /** A console action the holder lacks, or the nearest string that shows the gap. */
  action: string;
  /** Set when the comparison was too costly to finish: not shown to be held, so refused. */
  undecided?: true;
}

interface Cell {
  region: string | null;
  project: string | null;
}

function cells(universe: Universe): Cell[] {
  const regional = universe.regions.flatMap((region) => universe.projects.map((project) => ({ region, project })));
  return [{ region: null, project: null }, ...regional];
}

const applies = (scope: Scope, cell: Cell) => scopeApplies(scope, { action: "", resource: "", region: cell.region, enterpriseProjectId: cell.project });

const sameCondition = (a: Statement, b: Statement) => JSON.stringify(a.Condition ?? null) === JSON.stringify(b.Condition ?? null);

// Keys the engine answers per principal: the same condition text holds for one user and not another.
const PER_PRINCIPAL_KEYS = new Set(["g:username"]);
const namesPrincipal = (statement: Statement) =>
  Object.values(statement.Condition ?? {}).some((keys) => Object.keys(keys ?? {}).some((key) => PER_PRINCIPAL_KEYS.has(key.toLowerCase())));

/**
 * What the holder can do in a cell, as seen by one subject statement. A conditional Allow counts
 * only for a subject under the very same condition, and never when the condition names the
 * principal (`g:UserName`: it may hold for the recipient and not for the holder); every Deny
 * counts whatever its condition (all three choices err towards refusing).
 */
function holderIn(grants: readonly Grant[], cell: Cell, subject: Statement) {
  const allows: Shape[] = [];
  const denies: Shape[] = [];
  for (const grant of grants) {
    if (!applies(grant.scope, cell)) continue;
    for (const statement of grant.document.Statement) {
      if (statement.Effect === "Deny") denies.push(shapeOf(statement));
      else if (statement.Condition === undefined || (sameCondition(statement, subject) && !namesPrincipal(statement))) allows.push(shapeOf(statement));
    }
  }
  return { allows, denies };
}

/** Unconditional Deny statements that narrow the subject (a conditional one may not apply, so it is ignored). */
function subjectDeniesIn(context: readonly Grant[], cell: Cell): Shape[] {
  return context
    .filter((g) => applies(g.scope, cell))
    .flatMap((g) => g.document.Statement.filter((s) => s.Effect === "Deny" && s.Condition === undefined).map(shapeOf));
}

const NAMING_WORK = 100_000;

const literal = (action: string): Shape => ({ actions: [action.toLowerCase()], negated: false, resources: ["*"] });

/** Names the gap: the first console action the subject allows and the holder lacks, else the witness. */
function nameGap(holder: { allows: Shape[]; denies: Shape[] }, subject: Shape, subjectDenies: Shape[], witness: string | null): string {
  // Whether the subject allows a console action is a plain match, spending none of the budget, so
  // the budget goes to the probes of the actions that matter, however long the catalogue grows.
  const matcher = compileGlobList(subject.actions, true);
  const subjectAllows = (action: string) => (matcher === null || matcher(action.toLowerCase())) !== subject.negated;
  // The probes share a small budget: naming the gap must not cost more than finding it.
  const naming = newBudget(NAMING_WORK);
  for (const action of actionCatalogue) {
    if (naming.left < 0) break;
    if (!subjectAllows(action)) continue;
    const probe = contains(holder, { ...literal(action), resources: subject.resources }, subjectDenies, naming);
    if (!probe.contained && probe.witness !== null) return action;
  }
  if (witness !== null && witness !== "") return witness;
  return subject.negated ? `every action except ${subject.actions.join(", ")}` : (subject.actions[0] ?? "*");
}

/**
 * The first way in which `lendings` reach beyond `holder`, or null when the holder holds all of
 * it. `context` adds Deny statements that narrow the lendings wherever they apply (the rest of
 * the subject's own grants, when the subject is a principal's whole set of grants).
 */
export function findShortfall(holder: readonly Grant[], lendings: readonly Lending[], universe: Universe, context: readonly Grant[] = []): Shortfall | null {
  const all = cells(universe);
  const budget = newBudget();
  for (const lending of lendings) {
    const ownDenies: Grant[] = [{ policyName: lending.policyName, document: lending.document, scope: lending.scope, source: "" }];
    const checked = new Set<string>();
    for (const cell of all) {
      if (!applies(lending.scope, cell)) continue;
      const signature = `${holder.map((g) => (applies(g.scope, cell) ? "1" : "0")).join("")}|${context.map((g) => (applies(g.scope, cell) ? "1" : "0")).join("")}`;
      if (checked.has(signature)) continue;
      checked.add(signature);
      const subjectDenies = subjectDeniesIn([...ownDenies, ...context], cell);
      for (const statement of lending.document.Statement) {
        if (statement.Effect !== "Allow") continue;
        const held = holderIn(holder, cell, statement);
        const result = contains(held, shapeOf(statement), subjectDenies, budget);
        if (!result.contained && result.undecided) {
          return { policyName: lending.policyName, scope: lending.scope, action: shapeOf(statement).actions.join(", "), undecided: true };
        }
        if (!result.contained) {
          return {
            policyName: lending.policyName,
            scope: lending.scope,
            action: nameGap(held, shapeOf(statement), subjectDenies, result.witness?.action ?? null),
          };
        }
      }
    }
  }
  return null;
}

/** Whether `outer` reaches every cell `inner` reaches. */
export function scopeCovers(outer: Scope, inner: Scope, universe: Universe): boolean {
  return cells(universe).every((cell) => !applies(inner, cell) || applies(outer, cell));
}

/** IAM actions that manage nothing: reading, and switching roles. Anything else in `iam:` manages IAM. */
const iamReadsOnly: PolicyDocument = {
  Version: "1.1",
  Statement: [
    { Effect: "Allow", NotAction: ["iam:*"] },
    { Effect: "Allow", Action: ["iam:*:get*", "iam:*:list*", "iam:agencies:assume", "iam:agencies:switchBack"] },
  ],
};

/** The IAM management action a lending allows (e.g. `iam:users:create`), or null when it allows none. */
export function iamManagementIn(lending: Lending, universe: Universe): string | null {
  const everywhere: Grant = { policyName: "reads", document: iamReadsOnly, scope: { kind: "all" }, source: "" };
  return findShortfall([everywhere], [lending], universe)?.action ?? null;
}

/** Deny statements turned into the Allows they hold back: lifting a restriction hands on what it restricted. */
export function restrictionsOf(document: PolicyDocument): PolicyDocument | null {
  const denies = document.Statement.filter((s) => s.Effect === "Deny");
  if (denies.length === 0) return null;
  return { Version: "1.1", Statement: denies.map((s) => ({ ...s, Effect: "Allow" as const, Condition: undefined })) };
}
