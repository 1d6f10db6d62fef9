type Tree = { readonly [key: string]: string | Tree };

/**
 * Only the named parts of a catalogue: a part is a namespace ("auth") or a path into one
 * ("errors.signIn"). A part the catalogue lacks is an error, so a renamed section cannot
 * silently leave the browser showing keys.
 */
export function pickMessages(messages: Tree, parts: readonly string[]): Tree {
  const picked: { [key: string]: string | Tree } = {};
  for (const part of parts) {
    const path = part.split(".");
    let from: string | Tree = messages;
    let into = picked;
    for (const [i, key] of path.entries()) {
      if (typeof from === "string" || !Object.hasOwn(from, key)) throw new Error(`The catalogue has no part "${part}".`);
      from = from[key] as string | Tree;
      if (i === path.length - 1) into[key] = from;
      else {
        const next = into[key];
        if (typeof next === "string") throw new Error(`The catalogue part "${part}" is inside a message.`);
        into = into[key] = { ...(next ?? {}) };
      }
    }
  }
  return picked;
}
