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

const KEY = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

/** `key` alone, or `key {"values":…}`: readable in a log, and never mistaken for a sentence. */
export function phrase(key: string, values?: Record<string, PhraseValue>): string {
  return values === undefined ? key : `${key} ${JSON.stringify(values)}`;
}

/** A phrase as an object, to nest inside another one's values. */
export const term = (key: string, values?: Record<string, PhraseValue>): Phrase => (values === undefined ? { key } : { key, values });

/** A nested phrase as a message string of its own. */
export const spoken = (p: Phrase): string => phrase(p.key, p.values);

/** The phrase a message holds, or null when it is plain text (a library's own message). */
export function readPhrase(text: string): Phrase | null {
  const space = text.indexOf(" ");
  const key = space === -1 ? text : text.slice(0, space);
  if (!KEY.test(key)) return null;
  if (space === -1) return { key };
  try {
    const values: unknown = JSON.parse(text.slice(space + 1));
    return typeof values === "object" && values !== null && !Array.isArray(values) ? { key, values: values as Record<string, PhraseValue> } : null;
  } catch {
    return null;
  }
}
