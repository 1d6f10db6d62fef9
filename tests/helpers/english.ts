import { type Phrase, spoken } from "@/lib/i18n/message";
import { inWords } from "@/messages/words";

/** A domain message (a phrase) as an English reader sees it, for tests that check the words. */
export const english = (message: string): string => inWords("en", message);

/** The same for a ValidationError's field messages. */
export const englishFields = (fieldErrors: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map(english)]));

/** A resolved role session with its notice (a phrase) in English. */
export const englishNotice = <R extends { ok: boolean; notice?: string }>(resolved: R): R =>
  resolved.notice === undefined ? resolved : { ...resolved, notice: english(resolved.notice) };

/** A nested phrase (an explanation, a remedy) as an English reader sees it. */
export const said = (p: Phrase): string => english(spoken(p));
