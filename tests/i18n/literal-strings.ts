/**
 * Finds text a person would read that is written into a component instead of coming from the
 * catalogues: JSX text, string literals shown as children, user-visible attributes and props
 * (labels, titles, messages), page metadata, and the messages server actions answer with.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface Literal {
  file: string;
  line: number;
  text: string;
}

// Not words: brand names, language names shown in their own language, punctuation.
const allowed = new Set(["Mandate", "MANDATE", "English", "简体中文", "UTC"]);

// Attributes and props that carry codes, styles or addresses, never words.
const codeAttributes = new Set([
  "className",
  "href",
  "id",
  "name",
  "type",
  "value",
  "defaultValue",
  "key",
  "role",
  "variant",
  "tone",
  "method",
  "htmlFor",
  "autoComplete",
  "inputMode",
  "pattern",
  "rel",
  "target",
  "size",
  "side",
  "align",
  "lang",
  "dateTime",
  "form",
  "src",
  "precision",
  "colour",
  "scheme",
  "testId",
  "data-testid",
  "encType",
  "mode",
  "kind",
  "as",
  "state",
  "dir",
  "sideOffset",
  "aria-controls",
  "aria-describedby",
  "aria-labelledby",
  "aria-current",
  "aria-live",
  "aria-haspopup",
  "aria-expanded",
  "aria-hidden",
  "aria-invalid",
  "aria-pressed",
  "aria-selected",
  "aria-checked",
  "aria-busy",
  "aria-modal",
  "aria-atomic",
  "aria-relevant",
  "aria-orientation",
  "scope",
  "rows",
  "cols",
  "min",
  "max",
  "step",
  "maxLength",
  "width",
  "height",
  "viewBox",
  "fill",
  "stroke",
  "d",
  "strokeWidth",
  "xmlns",
  "focusable",
  "spellCheck",
  "wrap",
  "accept",
  "field",
  "path",
  "action",
  "icon",
  "status",
  "sortKey",
  "formAction",
  "prefetch",
  "replace",
  "scroll",
  "fieldName",
  "hrefFor",
  "query",
]);

// Object properties whose string value is shown to a person.
const visibleProperties = new Set([
  "title",
  "label",
  "message",
  "description",
  "heading",
  "placeholder",
  "confirmLabel",
  "triggerLabel",
  "emptyText",
  "hint",
  "success",
  "summary",
  "text",
]);

const hasWords = (text: string) => /\p{L}/u.test(text) && !allowed.has(text.trim());
// A code ("regions", "onDark", "iam:agencies:create") is one lowercase-led token; words have a space or a capital.
// A list of style classes ("border-green-300 bg-green-50") is not words either.
const isClassList = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .every((token) => /^[a-z0-9:/[\].!%#_-]+$/.test(token)) && /-/.test(text);
const looksLikeWords = (text: string) => hasWords(text) && !isClassList(text) && (/\s/.test(text) || /^\p{Lu}/u.test(text.trim()) || /[^ -~\s]/.test(text));

function staticText(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].filter((t) => t.trim() !== "");
  if (ts.isConditionalExpression(node)) return [...staticText(node.whenTrue), ...staticText(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)
  ) {
    return [...staticText(node.left), ...staticText(node.right)];
  }
  if (ts.isParenthesizedExpression(node)) return staticText(node.expression);
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return staticText(node.body);
  return [];
}

function attributeName(node: ts.JsxAttribute): string {
  return node.name.getText();
}

export function literalsIn(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasWords(node.text)) add(node, node.text);
    } else if (ts.isJsxExpression(node) && node.expression !== undefined && !ts.isJsxAttribute(node.parent)) {
      for (const text of staticText(node.expression)) if (looksLikeWords(text)) add(node, text);
    } else if (
      ts.isJsxAttribute(node) &&
      node.initializer !== undefined &&
      !codeAttributes.has(attributeName(node)) &&
      !attributeName(node).startsWith("data-")
    ) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value !== undefined) for (const text of staticText(value)) if (looksLikeWords(text)) add(node, text);
    } else if (ts.isPropertyAssignment(node) && visibleProperties.has(node.name.getText())) {
      for (const text of staticText(node.initializer)) if (looksLikeWords(text)) add(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

export const literalsUnder = (...dirs: string[]): Literal[] => dirs.flatMap(sourceFiles).flatMap((file) => literalsIn(file, readFileSync(file, "utf8")));
