/**
 * Finds where JSON text first goes wrong. V8's JSON.parse messages do not always carry a position,
 * and an administrator editing a policy by hand needs the line and column.
 */
export interface JsonProblem {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The locator descends recursively, so nesting is bounded: 6,000 `[` would otherwise overflow the
 * stack. A policy needs six levels; text nested deeper is reported at the level that goes too deep.
 */
export const MAX_JSON_NESTING = 64;

export function locateJsonError(text: string): JsonProblem | null {
  let i = 0;
  let depth = 0;
  const describe = () => (i >= text.length ? "the end of the text" : `"${text[i]}"`);
  const fail = (expected: string): never => {
    throw new Stop(i, `expected ${expected} but found ${describe()}`);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("a value");
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("four hex digits after \\u");
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "")) fail("a valid escape sequence");
      } else if (text.charCodeAt(i) < 0x20) fail('a closing quote (")');
      i++;
    }
    if (i >= text.length) fail('a closing quote (")');
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (match === null) fail("a value");
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if ((c === "{" || c === "[") && depth >= MAX_JSON_NESTING) {
      throw new Stop(i, `at most ${MAX_JSON_NESTING} levels of nested objects and lists are allowed`);
    }
    if (c === "{") nested(object);
    else if (c === "[") nested(array);
    else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else fail("a value");
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
      if (text[i] !== '"') fail("a property name in double quotes");
      string();
      space();
      if (text[i] !== ":") fail('":"');
      i++;
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") return void i++;
      fail('"," or "}"');
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
      fail('"," or "]"');
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail("the end of the text");
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split("\n").length;
    return { line, column: error.offset - before.lastIndexOf("\n"), message: error.message };
  }
}
