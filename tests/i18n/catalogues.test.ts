/**
 * Both languages say the same things: exactly the same keys, each message valid ICU with the same
 * placeholders (and plural/select/tag structure), and every key the domain names exists.
 */
import { readFileSync } from "node:fs";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, test } from "vitest";
import { actionCatalogue, selfServiceActions } from "@/lib/authz/action-catalogue";
import { errorCodes } from "@/lib/errors";
import { languages } from "@/lib/i18n/languages";
import { scopeKinds } from "@/lib/scope";
import { catalogues } from "@/messages/catalogue";
import { sourceFiles } from "./literal-strings";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** What a message needs from its caller: each argument with its kind, and the rich-text tags. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument) into.add(`${e.value}`);
    else if (e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(`${e.value}:${TYPE[e.type]}`);
    else if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(`${e.value}:${TYPE[e.type]}`);
      for (const option of Object.values(e.options)) placeholders(option.value, into);
    } else if (e.type === TYPE.tag) {
      into.add(`<${e.value}>`);
      placeholders(e.children, into);
    }
  }
  return into;
}

const flat = Object.fromEntries(languages.map((language) => [language, flatten(catalogues[language] as unknown as Tree)])) as Record<
  (typeof languages)[number],
  Map<string, string>
>;

describe("catalogues", () => {
  test("both languages hold exactly the same keys", () => {
    const en = [...flat.en.keys()].sort();
    const zh = [...flat["zh-CN"].keys()].sort();
    expect(
      en.filter((k) => !flat["zh-CN"].has(k)),
      "missing in zh-CN",
    ).toEqual([]);
    expect(
      zh.filter((k) => !flat.en.has(k)),
      "missing in en",
    ).toEqual([]);
    expect(en.length).toBeGreaterThan(500);
  });

  test("every message is valid ICU with the same placeholders in both languages", () => {
    const problems: string[] = [];
    for (const [key, english] of flat.en) {
      const chinese = flat["zh-CN"].get(key);
      if (chinese === undefined) continue;
      try {
        const a = [...placeholders(parse(english))].sort();
        const b = [...placeholders(parse(chinese))].sort();
        if (a.join() !== b.join()) problems.push(`${key}: en {${a.join(", ")}} zh-CN {${b.join(", ")}}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
      if (chinese.trim() === "") problems.push(`${key}: empty in zh-CN`);
    }
    expect(problems).toEqual([]);
  });

  test("no Chinese message is left in English (beyond names, codes and acronyms)", () => {
    // A zh-CN message with a Latin sentence and no Han character is an untranslated copy.
    const untranslated = [...flat["zh-CN"]].filter(([, text]) => /[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/.test(text) && !/\p{Script=Han}/u.test(text));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe("keys the domain names", () => {
  test("every domain error code has its message", () => {
    expect(errorCodes.filter((code) => !flat.en.has(`errors.${code}`))).toEqual([]);
  });

  test("every action the audit trail records has a description", () => {
    expect([...actionCatalogue, ...selfServiceActions].filter((action) => !flat.en.has(`domain.actions.${action}`))).toEqual([]);
  });

  test("every scope kind has a name", () => {
    expect(scopeKinds.filter((kind) => !flat.en.has(`domain.scope.${kind}`))).toEqual([]);
  });

  test("every phrase key written in lib/ exists", () => {
    const missing: string[] = [];
    for (const file of sourceFiles("lib")) {
      const source = readFileSync(file, "utf8");
      // Whole keys in quotes; keys built with ${…} are checked by the tests above.
      for (const [, key] of source.matchAll(/["'`]((?:errors|domain|validation)\.[A-Za-z0-9_.]+)["'`]/g)) {
        const code = (errorCodes as readonly string[]).includes(key!);
        if (!code && !flat.en.has(key!) && ![...flat.en.keys()].some((k) => k.startsWith(`${key}.`))) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
