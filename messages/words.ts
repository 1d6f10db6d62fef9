import { createTranslator } from "next-intl";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { phraseInWords, type Translate } from "./phrases";
import { catalogues } from "./catalogue";

export type { Translate };

const translators = new Map<Language, Translate>();

/** A plain translator for one language, for text made outside React (actions, API answers, exports). */
export function translatorFor(language: Language): Translate {
  let translate = translators.get(language);
  if (translate === undefined) {
    const t = createTranslator({
      locale: language,
      messages: catalogues[language],
      // A phrase with a value missing (or naming a whole section) shows its key rather than logging on every request.
      onError: () => undefined,
      getMessageFallback: ({ namespace, key }) => (namespace ? `${namespace}.${key}` : key),
    }) as unknown as { has(key: string): boolean } & Translate;
    translate = (key, values) => (t.has(key) ? t(key, values) : key);
    translators.set(language, translate);
  }
  return translate;
}

/** A domain message (lib/i18n/message.ts) in `language`, outside React. */
export function inWords(language: string, message: string): string {
  return phraseInWords(translatorFor(isLanguage(language) ? language : "en"), message);
}
