import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { languages } from "@/lib/i18n/languages";

/**
 * English | 简体中文, each a submit button of one form: it works before the page has loaded its
 * scripts, and the page stays where it is (the server renders it again in the chosen language).
 */
/** `choose` is the server action app/_lib/i18n/choose-language.ts, handed down by the page. */
export function LanguageSwitcher({ choose, tone = "light" }: { choose: (formData: FormData) => Promise<void>; tone?: "light" | "dark" }) {
  const t = useTranslations("common");
  const current = useLocale();
  const idle = tone === "dark" ? "text-slate-300 hover:text-white" : "text-slate-600 hover:text-slate-900";
  return (
    <form action={choose} aria-label={t("changeLanguage")} className="flex items-center gap-1 text-sm">
      <Languages aria-hidden className="size-4 opacity-80" />
      {languages.map((language) => (
        <button
          key={language}
          type="submit"
          name="language"
          value={language}
          lang={language}
          aria-pressed={language === current}
          className={`rounded px-1.5 py-0.5 underline-offset-2 hover:underline ${language === current ? "font-semibold" : idle}`}
        >
          {t(`languageNames.${language}`)}
        </button>
      ))}
    </form>
  );
}
