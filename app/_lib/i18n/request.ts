import "server-only";
import { getRequestConfig } from "next-intl/server";
import { requestLanguage, requestTimeZone } from "@/app/_lib/i18n/language";
import { catalogues } from "@/messages/catalogue";

export default getRequestConfig(async () => {
  const locale = await requestLanguage();
  return { locale, messages: catalogues[locale], timeZone: await requestTimeZone() };
});
