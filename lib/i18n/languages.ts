/** The console's languages, as BCP 47 tags (free of imports: client components read them too). */
export const languages = ["en", "zh-CN"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "en";

/** The browser's time zone as it reports it (components/time-zone-sync.tsx), read by the server to format times. */
export const TIME_ZONE_COOKIE = "mandate.tz";

export const isLanguage = (value: unknown): value is Language => typeof value === "string" && (languages as readonly string[]).includes(value);
