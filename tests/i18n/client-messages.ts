/**
 * Which catalogue keys client code can read, found by following imports from a route's files: a
 * module marked "use client", and everything it imports, runs in the browser, where only the parts
 * its provider sends exist (messages/client-parts.ts). Server modules read the whole catalogue and
 * are only walked through.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

export interface Need {
  /** A key, or the path of a whole section when the code picks the key at run time. */
  path: string;
  file: string;
}

const ROOT = join(import.meta.dirname, "../..");
const TRANSLATOR_HOOKS = new Set(["useTranslations", "getTranslations"]);
const PHRASE_MAKERS = new Set(["phrase", "term"]);
// Where phrases are defined: its calls pass keys through rather than name them.
const PHRASE_MODULE = join(ROOT, "lib/i18n/message.ts");
const extensions = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

export type Read = (file: string) => string | null;
const fromDisk: Read = (file) => (existsSync(file) ? readFileSync(file, "utf8") : null);

function resolve(specifier: string, from: string, read: Read): string | null {
  const base = specifier.startsWith("@/") ? join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? join(dirname(from), specifier) : null;
  if (base === null) return null;
  for (const ext of extensions) if (/\.tsx?$/.test(base + ext) && read(base + ext) !== null) return base + ext;
  return null;
}

function directive(source: ts.SourceFile, text: string): boolean {
  const first = source.statements[0];
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === text;
}

/** Imports that bring code along: type-only imports and re-exports bring none. */
function importsOf(source: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push(s.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.moduleSpecifier !== undefined && ts.isStringLiteral(s.moduleSpecifier)) {
      out.push(s.moduleSpecifier.text);
    }
  }
  return out;
}

const join2 = (namespace: string, key: string) => [namespace, key].filter((p) => p !== "").join(".");

/**
 * The keys a translator call can read: exact for a literal (either branch of a condition), the
 * section before the first `${…}` for a template, else the whole namespace.
 */
function keysOf(namespace: string, argument: ts.Expression | undefined): string[] {
  if (argument === undefined) return [namespace];
  if (ts.isParenthesizedExpression(argument)) return keysOf(namespace, argument.expression);
  if (ts.isConditionalExpression(argument)) return [...keysOf(namespace, argument.whenTrue), ...keysOf(namespace, argument.whenFalse)];
  if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return [join2(namespace, argument.text)];
  if (ts.isTemplateExpression(argument)) return [join2(namespace, argument.head.text.replace(/\.?[^.]*$/, ""))];
  return [namespace];
}

function needsIn(file: string, source: ts.SourceFile): Need[] {
  const translators = new Map<string, string>();
  const needs: Need[] = [];
  const need = (path: string) => needs.push({ path, file: relative(ROOT, file) });
  const hookCall = (e: ts.Expression): ts.CallExpression | null => {
    const inner = ts.isAwaitExpression(e) ? e.expression : e;
    return ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && TRANSLATOR_HOOKS.has(inner.expression.text) ? inner : null;
  };
  const findTranslators = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      const call = hookCall(node.initializer);
      if (call !== null) {
        const [ns] = call.arguments;
        // useTranslations() with no namespace is use-words' translator: the keys it reads arrive as phrases, found where they are made.
        translators.set(node.name.text, ns !== undefined && ts.isStringLiteral(ns) ? ns.text : "");
      }
    }
    ts.forEachChild(node, findTranslators);
  };
  findTranslators(source);
  const findUses = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && PHRASE_MAKERS.has(node.expression.text)) {
      // A phrase key made at run time cannot be checked: it shows up as an unmet need ("").
      for (const key of keysOf("", node.arguments[0])) need(key);
    }
    if (ts.isIdentifier(node) && translators.has(node.text)) {
      const namespace = translators.get(node.text) ?? "";
      const parent = node.parent;
      const declared = ts.isVariableDeclaration(parent) && parent.name === node;
      const called = ts.isCallExpression(parent) && parent.expression === node;
      const method =
        ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
      const argument = called ? parent.arguments[0] : method ? parent.parent.arguments[0] : undefined;
      if (called || method) {
        for (const path of keysOf(namespace, argument)) if (path !== "") need(path);
      } else if (!declared && namespace !== "") {
        // Handed on (to a helper, a child): it may read any key of its namespace.
        need(namespace);
      }
    }
    ts.forEachChild(node, findUses);
  };
  findUses(source);
  return needs;
}

/** Every key client code reachable from `entries` can read. */
export function clientNeeds(entries: string[], read: Read = fromDisk): Need[] {
  const seen = new Set<string>();
  const needs: Need[] = [];
  const visit = (file: string, client: boolean) => {
    const id = `${file}|${client}`;
    if (seen.has(id)) return;
    seen.add(id);
    const text = read(file);
    if (text === null) throw new Error(`${file} does not exist`);
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    // A server action module runs on the server even when client code imports it.
    if (directive(source, "use server")) return;
    const inBrowser = client || directive(source, "use client");
    if (inBrowser && file !== PHRASE_MODULE) needs.push(...needsIn(file, source));
    for (const specifier of importsOf(source)) {
      const target = resolve(specifier, file, read);
      if (target !== null) visit(target, inBrowser);
    }
  };
  for (const entry of entries) visit(entry, false);
  return needs;
}

/** A need is met when a part sent is the key itself or a section holding it. */
export const covered = (need: string, parts: readonly string[]): boolean => parts.some((p) => need === p || need.startsWith(`${p}.`));
