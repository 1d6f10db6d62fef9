import { useTranslations } from "next-intl";
import { phraseInWords, type Translate } from "@/messages/phrases";

/** Puts the domain's messages (phrases) into the reader's language, in server and client components alike. */
export function useWords(): (message: string) => string {
  const t = useTranslations() as unknown as Translate & { has(key: string): boolean };
  return (message) => phraseInWords((key, values) => (t.has(key) ? t(key, values) : key), message);
}
