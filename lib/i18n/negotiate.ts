/** Which of the console's languages a request gets, and the time zone it names (server side: pulls in the negotiator). */
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { defaultLanguage, isLanguage, type Language, languages } from "@/lib/i18n/languages";

/** The best of the console's languages for an `Accept-Language` header ("zh", "zh-Hans-CN" and "zh-SG" read as zh-CN). */
export function languageFromHeader(acceptLanguage: string | null): Language {
  if (!acceptLanguage) return defaultLanguage;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage.slice(0, 1024) } }).languages();
  try {
    const best = match(requested, languages, defaultLanguage);
    return isLanguage(best) ? best : defaultLanguage;
  } catch {
    // A malformed tag (RangeError from Intl) falls back rather than failing the page.
    return defaultLanguage;
  }
}

/** In order: the principal's saved choice, the browser's cookie, its Accept-Language (anything else is ignored). */
export function pickLanguage(saved: unknown, cookie: unknown, acceptLanguage: string | null): Language {
  if (isLanguage(saved)) return saved;
  if (isLanguage(cookie)) return cookie;
  return languageFromHeader(acceptLanguage);
}

/** An IANA time zone the runtime knows, or null. */
export function validTimeZone(value: string | undefined): string | null {
  if (!value || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
