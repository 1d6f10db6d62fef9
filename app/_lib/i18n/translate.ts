import "server-only";
import { requestLanguage } from "@/app/_lib/i18n/language";
import { inWords } from "@/messages/words";

// The words live beside the catalogues (messages/words.ts), where API answers can reach them too.
export { inWords, type Translate, translatorFor } from "@/messages/words";

/** A domain message in the language of the request being answered. */
export async function inReadersWords(message: string): Promise<string> {
  return inWords(await requestLanguage(), message);
}

/** `inWords` bound to the request's language, for a server page that puts many domain messages into words. */
export async function getWords(): Promise<(message: string) => string> {
  const language = await requestLanguage();
  return (message) => inWords(language, message);
}
