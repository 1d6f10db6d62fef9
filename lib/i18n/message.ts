/**
 * What the domain says to a person, without a language: a catalogue key and the values to put in
 * it. It travels as a string (an Error's message, a zod issue) and is put into words at the edge
 * (app/_lib/i18n/translate.ts), in the reader's language.
 */
export interface Phrase {
  key: string;
  values?: Record<string, PhraseValue>;
}

/** A value is shown as it is, or, when it is itself a phrase (a field's name, a reason), put into words first. */
export type PhraseValue = string | number | Phrase;

// Segments are identifiers, or an action code ("domain.actions.iam:agencies:create").
const KEY = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_:]+)+$/;

/** A value as a phrase may hold it: text, a finite number, or a well-formed nested phrase (at most a few deep). */
function isValue(value: unknown, depth: number): value is PhraseValue {
  if (typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  return depth < 8 && typeof value === "object" && value !== null && isPhrase(value as Record<string, unknown>, depth + 1);
}

function isPhrase(value: Record<string, unknown>, depth: number): boolean {
  if (typeof value.key !== "string" || !KEY.test(value.key)) return false;
  return value.values === undefined || isValues(value.values, depth);
}

function isValues(values: unknown, depth: number): values is Record<string, PhraseValue> {
  return typeof values === "object" && values !== null && !Array.isArray(values) && Object.values(values).every((v) => isValue(v, depth));
}

/** `key` alone, or `key {"values":…}`: readable in a log, and never mistaken for a sentence. */
export function phrase(key: string, values?: Record<string, PhraseValue>): string {
  return values === undefined ? key : `${key} ${JSON.stringify(values)}`;
}

/** A phrase as an object, to nest inside another one's values. */
export const term = (key: string, values?: Record<string, PhraseValue>): Phrase => (values === undefined ? { key } : { key, values });

/** A nested phrase as a message string of its own. */
export const spoken = (p: Phrase): string => phrase(p.key, p.values);

/**
 * The phrase a message holds, or null when it is plain text (a library's own message) or not a
 * well-formed phrase: a message can come back from a cookie, so nothing in it is trusted.
 */
export function readPhrase(text: string): Phrase | null {
  const space = text.indexOf(" ");
  const key = space === -1 ? text : text.slice(0, space);
  if (!KEY.test(key)) return null;
  if (space === -1) return { key };
  try {
    const values: unknown = JSON.parse(text.slice(space + 1));
    return isValues(values, 0) ? { key, values } : null;
  } catch {
    return null;
  }
}
