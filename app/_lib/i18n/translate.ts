import { createTranslator } from "next-intl";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { type Phrase, readPhrase } from "@/lib/i18n/message";
import { catalogues } from "@/messages/catalogue";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<Language, Translate>();

/** A plain translator for one language, for text made outside React (actions, API answers, exports). */
export function translatorFor(language: Language): Translate {
  let translate = translators.get(language);
  if (translate === undefined) {
    const t = createTranslator({ locale: language, messages: catalogues[language] }) as unknown as { has(key: string): boolean } & Translate;
    translate = (key, values) => (t.has(key) ? t(key, values) : key);
    translators.set(language, translate);
  }
  return translate;
}

function say(language: Language, { key, values }: Phrase): string {
  if (values === undefined) return translatorFor(language)(key);
  const words = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, typeof v === "object" ? say(language, v) : v]));
  return translatorFor(language)(key, words);
}

/**
 * A domain message in `language`: a phrase is looked up in the catalogue (its nested phrases first);
 * anything else is shown as it came. An unknown key shows as the key, never as an empty message.
 */
export function inWords(language: string, message: string): string {
  const found = readPhrase(message);
  return found === null ? message : say(isLanguage(language) ? language : "en", found);
}
