/**
 * Finds where JSON text first goes wrong. V8's JSON.parse messages do not always carry a position,
 * and an administrator editing a policy by hand needs the line and column.
 */
import { type Phrase, term } from "@/lib/i18n/message";

export interface JsonProblem {
  line: number;
  column: number;
  /** What went wrong there, as a phrase of the catalogue's `validation.json`. */
  problem: Phrase;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly problem: Phrase,
  ) {
    super(problem.key);
  }
}

const expected = (what: string, values?: Record<string, string>) => term(`validation.json.expected.${what}`, values);

/**
 * The locator descends recursively, so nesting is bounded: 6,000 `[` would otherwise overflow the
 * stack. A policy needs six levels; text nested deeper is reported at the level that goes too deep.
 */
export const MAX_JSON_NESTING = 64;

export function locateJsonError(text: string): JsonProblem | null {
  let i = 0;
  let depth = 0;
  const found = () => (i >= text.length ? term("validation.json.found.end") : term("validation.json.found.character", { character: text[i]! }));
  const fail = (what: Phrase): never => {
    throw new Stop(i, term("validation.json.expectedFound", { expected: what, found: found() }));
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(expected("value"));
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail(expected("hexDigits"));
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "")) fail(expected("escape"));
      } else if (text.charCodeAt(i) < 0x20) fail(expected("closingQuote"));
      i++;
    }
    if (i >= text.length) fail(expected("closingQuote"));
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (match === null) fail(expected("value"));
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if ((c === "{" || c === "[") && depth >= MAX_JSON_NESTING) {
      throw new Stop(i, term("validation.json.tooDeep", { max: MAX_JSON_NESTING }));
    }
    if (c === "{") nested(object);
    else if (c === "[") nested(array);
    else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else fail(expected("value"));
  };
  const nested = (read: () => void) => {
    depth++;
    read();
    depth--;
  };
  const object = () => {
    i++;
    space();
    if (text[i] === "}") return void i++;
    for (;;) {
      space();
      if (text[i] !== '"') fail(expected("propertyName"));
      string();
      space();
      if (text[i] !== ":") fail(expected("token", { token: ":" }));
      i++;
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") return void i++;
      fail(expected("either", { first: ",", second: "}" }));
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === "]") return void i++;
    for (;;) {
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") return void i++;
      fail(expected("either", { first: ",", second: "]" }));
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail(expected("end"));
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split("\n").length;
    return { line, column: error.offset - before.lastIndexOf("\n"), problem: error.problem };
  }
}
