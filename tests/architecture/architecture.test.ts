/**
 * Rules of the code's shape that no behaviour test would notice until they were broken in
 * production: only the authorization module writes the audit trail, every domain function that
 * acts for a caller asks the engine, and modules import in one direction.
 */
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { expect, test } from "vitest";

const sourcesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => `${dir}/${f}`);

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);

const importsOf = (source: ts.SourceFile) =>
  source.statements
    .filter(ts.isImportDeclaration)
    .map((d) => ({ from: (d.moduleSpecifier as ts.StringLiteral).text, typeOnly: d.importClause?.isTypeOnly === true }));

function visit(node: ts.Node, fn: (node: ts.Node) => void) {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

const libFiles = sourcesUnder("lib");
const everyFile = [
  ...libFiles,
  ...sourcesUnder("app"),
  ...sourcesUnder("components"),
  ...sourcesUnder("db"),
  ...sourcesUnder("scripts").filter((f) => f.endsWith(".ts")),
];

test("only lib/authz writes the audit trail", () => {
  const offenders: string[] = [];
  for (const file of everyFile) {
    if (file.startsWith("lib/authz/")) continue;
    const source = parse(file);
    if (importsOf(source).some((i) => i.from === "@/lib/authz/audit-log")) offenders.push(`${file} imports the audit writer`);
    visit(source, (node) => {
      // db.insert(auditEvents): the table object handed to an insert.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "insert") {
        if (node.arguments.some((a) => ts.isIdentifier(a) && a.text === "auditEvents")) offenders.push(`${file} inserts audit events`);
      }
    });
  }
  expect(offenders).toEqual([]);
});

// The calls that decide (and record) for a caller; `change`, `own` and `guard` are the command's and mutate's handles on them.
// `execute` runs another command, which decides for itself.
const DECIDING = new Set([
  "requireAllowed",
  "requireAnyAllowed",
  "authorize",
  "authorizer",
  "mutate",
  "selfService",
  "auditDenied",
  "change",
  "own",
  "guard",
  "execute",
]);

// Exported helpers that take a caller but only ever run inside a change that is already guarded,
// or read what belongs to the caller itself. Each is named with why it needs no decision of its own.
const HELPERS: Record<string, string> = {
  findUser: "looks up a row of the caller's account for a change that guards it",
  findAgency: "looks up a row of the caller's account for a change that guards it",
  findPolicy: "looks up a row visible to the caller for a read or change that guards it",
  resolveScopeValues: "checks form values against the catalogue inside a guarded change",
  attachable: "looks up the policies a guarded change attaches",
  checkPlacement: "checks a region and project inside a guarded change",
  managedDirectory: "finds the directory; its callers pass the check to run on it",
  grantsFor: "the engine's own input",
  powerBefore: "part of the hand-on check inside a guarded change",
  assertPowerNotGrown: "part of the hand-on check inside a guarded change",
  assertMayHandOn: "part of the hand-on check inside a guarded change",
  assertSecurityAdministrator: "part of the hand-on check inside a guarded change",
  ownSignIns: "a principal's own sign-ins, shown only to itself",
  listOwnAccessKeys: "a principal's own access keys (never their secrets), shown only to itself",
  listEnterpriseProjects: "the acting account's project names as picker options, on pages that check their own permission",
  resolveRoleSession: "resolves who is asking, before any decision can be made",
};

interface Fn {
  file: string;
  name: string;
  body: ts.Node;
  exported: boolean;
  takesCaller: boolean;
}

function functionsOf(file: string): Fn[] {
  const source = parse(file);
  const out: Fn[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  // (Db, Caller): reads or changes the database on a caller's behalf.
  const types = (params: ts.NodeArray<ts.ParameterDeclaration>) => new Set(params.map((p) => p.type?.getText(source)));
  const takesCaller = (params: ts.NodeArray<ts.ParameterDeclaration>) => {
    const t = types(params);
    return t.has("Caller") && (t.has("Db") || t.has("Tx"));
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      out.push({ file, name: statement.name.text, body: statement.body, exported: exported(statement), takesCaller: takesCaller(statement.parameters) });
    }
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
        const init = d.initializer;
        const isCommand = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "command";
        const isArrow = ts.isArrowFunction(init) || ts.isFunctionExpression(init);
        if (!isCommand && !isArrow) continue;
        // A command's caller comes with its context, so every command counts as acting for one.
        out.push({ file, name: d.name.text, body: init, exported: exported(statement), takesCaller: isCommand || (isArrow && takesCaller(init.parameters)) });
      }
    }
  }
  return out;
}

test("every exported domain function that acts for a caller asks the engine, directly or through what it calls", () => {
  const all = libFiles.filter((f) => !f.startsWith("lib/authz/")).flatMap(functionsOf);
  const authzExports = new Set(
    sourcesUnder("lib/authz")
      .flatMap(functionsOf)
      .map((f) => f.name),
  );
  const byName = new Map<string, Fn[]>();
  for (const fn of all) byName.set(fn.name, [...(byName.get(fn.name) ?? []), fn]);
  const memo = new Map<Fn, boolean>();
  const decides = (fn: Fn, seen: Set<Fn>): boolean => {
    if (memo.has(fn)) return memo.get(fn)!;
    if (seen.has(fn)) return false;
    seen.add(fn);
    let found = false;
    visit(fn.body, (node) => {
      if (found || !ts.isCallExpression(node)) return;
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      if (name === null) return;
      if (DECIDING.has(name)) found = true;
      else if (authzExports.has(name) && name.startsWith("assert")) found = true;
      else {
        const candidates = byName.get(name) ?? [];
        const local = candidates.filter((c) => c.file === fn.file);
        if ((local.length > 0 ? local : candidates).some((c) => decides(c, seen))) found = true;
      }
    });
    memo.set(fn, found);
    return found;
  };
  const undecided = all.filter((fn) => fn.exported && fn.takesCaller && !(fn.name in HELPERS) && !decides(fn, new Set())).map((fn) => `${fn.file}#${fn.name}`);
  expect(undecided).toEqual([]);
  // The list of helpers stays honest: every name on it is a function acting for a caller that really decides nothing itself.
  const everyFn = [...all, ...sourcesUnder("lib/authz").flatMap(functionsOf)];
  const stale = Object.keys(HELPERS).filter((name) => !everyFn.some((fn) => fn.name === name && fn.takesCaller && !decides(fn, new Set())));
  expect(stale).toEqual([]);
});

const fileOf = (specifier: string) => {
  const base = specifier.replace(/^@\//, "");
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => everyFile.includes(f));
};

/** Every module `file` reaches through its own imports (project modules only). */
function reach(file: string, seen = new Set<string>()): Set<string> {
  for (const { from } of importsOf(parse(file))) {
    const next = from.startsWith("@/") ? fileOf(from) : undefined;
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    reach(next, seen);
  }
  return seen;
}

test("modules import in one direction: components never from app, the domain never from app or components", () => {
  const wrong: string[] = [];
  for (const file of everyFile) {
    for (const { from } of importsOf(parse(file))) {
      if ((file.startsWith("lib/") || file.startsWith("db/") || file.startsWith("components/")) && from.startsWith("@/app/")) wrong.push(`${file} → ${from}`);
      if ((file.startsWith("lib/") || file.startsWith("db/")) && from.startsWith("@/components/")) wrong.push(`${file} → ${from}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("db/ takes from lib/ only self-contained modules (constants, hashing, settings), never the domain that runs on it", () => {
  const wrong: string[] = [];
  for (const file of everyFile.filter((f) => f.startsWith("db/"))) {
    for (const { from } of importsOf(parse(file))) {
      const target = from.startsWith("@/lib/") ? fileOf(from) : undefined;
      if (target === undefined) continue;
      const leaks = [...reach(target)].filter((f) => f.startsWith("db/"));
      if (leaks.length > 0) wrong.push(`${file} → ${from} → ${leaks.join(", ")}`);
    }
  }
  expect(wrong).toEqual([]);
});
