/**
 * The browser gets only some parts of the catalogue (messages/client-parts.ts): every key client
 * code can read must be among them, or the reader sees a key instead of words.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { languages } from "@/lib/i18n/languages";
import { catalogues } from "@/messages/catalogue";
import { consoleParts, everywhereParts, sectionParts, signInParts } from "@/messages/client-parts";
import { pickMessages } from "@/messages/pick";
import { clientNeeds, covered } from "./client-messages";

const ROOT = join(import.meta.dirname, "../..");
const ROUTE_FILES = /^(page|layout|error|loading|not-found|template|default)\.tsx$/;

function routeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ROUTE_FILES.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const sections = Object.entries(sectionParts).map(([section, parts]) => ({
  name: `console section ${section}`,
  entries: routeFiles(`app/(console)/${section}`),
  parts,
}));
const inASection = new Set(sections.flatMap((s) => s.entries));

const routes = [
  { name: "every page (root layout)", entries: ["app/layout.tsx", "app/error.tsx", "app/not-found.tsx"].map((f) => join(ROOT, f)), parts: everywhereParts },
  { name: "sign-in", entries: routeFiles("app/(auth)"), parts: signInParts },
  // The frame, and every page outside a section: a new folder without a section layout lands here.
  { name: "console", entries: routeFiles("app/(console)").filter((f) => !inASection.has(f)), parts: consoleParts },
  ...sections,
];

describe("client messages", () => {
  test.each(routes)("$name: the parts sent hold every key its client code reads", ({ entries, parts }) => {
    const needs = clientNeeds(entries);
    expect(needs.length).toBeGreaterThan(0);
    expect(needs.filter((n) => !covered(n.path, parts))).toEqual([]);
  });

  test.each(routes)("$name: every part it adds is read there (nothing rides along unread)", ({ entries, parts }) => {
    const needs = clientNeeds(entries).map((n) => n.path);
    const added = parts === everywhereParts ? parts : parts.filter((p) => !everywhereParts.includes(p as never));
    expect(added.filter((p) => !needs.some((n) => covered(n, [p]) || covered(p, [n])))).toEqual([]);
  });

  test.each(routes)("$name: every part named exists in both catalogues", ({ parts }) => {
    for (const language of languages) expect(() => pickMessages(catalogues[language], parts)).not.toThrow();
  });

  test.each(sections)("$name: its layout gives its pages their parts", ({ name, entries }) => {
    const section = name.replace("console section ", "");
    const layout = entries.find((f) => f.endsWith(`(console)/${section}/layout.tsx`));
    expect(layout).toBeDefined();
    expect(readFileSync(layout ?? "", "utf8")).toContain(`<SectionMessages section="${section}">`);
  });

  test("the sign-in page is sent a fraction of the catalogue", () => {
    const size = (m: unknown) => JSON.stringify(m).length;
    expect(size(pickMessages(catalogues.en, signInParts))).toBeLessThan(size(catalogues.en) / 5);
  });
});

describe("finding what client code reads", () => {
  const files: Record<string, string> = {
    "/x/app/page.tsx": `import { Form } from "./form"; import type { T } from "./types"; import { getTranslations } from "next-intl/server";
      export default async function P() { const t = await getTranslations("server"); return t("only"); }`,
    "/x/app/form.tsx": `"use client"; import { useTranslations } from "next-intl"; import { rule } from "./rule"; import { act } from "./act";
      export function Form({ kind }) { const t = useTranslations("auth"); const c = useTranslations("common");
        const e = useTranslations("errors");
        return [t("title"), t.rich("hint", {}), t(\`state.\${kind}\`), c(kind), helper(t), e(kind ? "a" : "b")]; }`,
    "/x/app/rule.ts": `import { phrase } from "@/lib/i18n/message"; export const rule = phrase("validation.names.account"); export const any = (k) => term(k);`,
    "/x/app/act.ts": `"use server"; import { phrase } from "x"; export async function act() { return phrase("errors.server"); }`,
    "/x/app/types.ts": `"use client"; const t = useTranslations("typesOnly"); t("never");`,
  };
  const read = (file: string) => files[file] ?? null;
  const paths = () =>
    clientNeeds(["/x/app/page.tsx"], read)
      .map((n) => n.path)
      .sort();

  test("literal keys, both branches of a condition, rich text, template sections, handed-on translators and phrases, in client modules only", () => {
    // A phrase key made at run time cannot be checked: it is a need no part meets ("").
    expect(paths()).toEqual(["", "auth", "auth.hint", "auth.state", "auth.title", "common", "errors.a", "errors.b", "validation.names.account"]);
  });

  test("a part covers its own key and the keys below it, nothing beside it", () => {
    expect(covered("errors.signIn.failed", ["errors.signIn"])).toBe(true);
    expect(covered("errors.signIn", ["errors.signIn"])).toBe(true);
    expect(covered("errors.signInLater", ["errors.signIn"])).toBe(false);
    expect(covered("errors", ["errors.signIn"])).toBe(false);
  });
});

describe("picking parts of a catalogue", () => {
  const catalogue = { a: { b: "B", c: { d: "D" } }, e: "E" };

  test("whole namespaces and paths into them, merged", () => {
    expect(pickMessages(catalogue, ["e", "a.c", "a.b"])).toEqual({ e: "E", a: { b: "B", c: { d: "D" } } });
    expect(pickMessages(catalogue, ["a.c.d"])).toEqual({ a: { c: { d: "D" } } });
    expect(catalogue).toEqual({ a: { b: "B", c: { d: "D" } }, e: "E" });
  });

  test("a part the catalogue lacks is an error", () => {
    expect(() => pickMessages(catalogue, ["a.x"])).toThrow('no part "a.x"');
    expect(() => pickMessages(catalogue, ["e.f"])).toThrow('no part "e.f"');
  });
});
