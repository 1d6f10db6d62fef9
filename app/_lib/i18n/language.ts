import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { resolveRequest } from "@/app/_lib/session";
import { type Language, TIME_ZONE_COOKIE } from "@/lib/i18n/languages";
import { pickLanguage, validTimeZone } from "@/lib/i18n/negotiate";

/** The browser's own choice, kept for signed-out pages and for principals who never saved one. */
export const LANGUAGE_COOKIE = "mandate.language";

/** In order: the signed-in principal's saved choice, this browser's cookie, its Accept-Language. */
export const requestLanguage = cache(
  async (): Promise<Language> =>
    pickLanguage((await resolveRequest())?.language, (await cookies()).get(LANGUAGE_COOKIE)?.value, (await headers()).get("accept-language")),
);

/** Times are shown in the browser's zone once it has told us; UTC until then (and on hover always). */
export async function requestTimeZone(): Promise<string> {
  return validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "UTC";
}
