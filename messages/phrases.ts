import { type Phrase, readPhrase } from "@/lib/i18n/message";

/** Looks a key up with its values; an unknown key comes back as the key, never as an empty message. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

function say(translate: Translate, { key, values }: Phrase): string {
  if (values === undefined) return translate(key);
  const words = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, typeof v === "object" ? say(translate, v) : v]));
  return translate(key, words);
}

/**
 * A domain message in words: a phrase is looked up (its nested phrases first); anything else is
 * shown as it came. Free of the catalogues, so a client component passes its own translator.
 */
export function phraseInWords(translate: Translate, message: string): string {
  const found = readPhrase(message);
  return found === null ? message : say(translate, found);
}
