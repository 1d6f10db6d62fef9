"use client";
import "./globals.css";
import { createTranslator } from "next-intl";
import { useEffect } from "react";
import { referenceOf } from "@/components/error-notice";
import { Button } from "@/components/ui/button";
import { languages } from "@/lib/i18n/languages";
import { commonCatalogues } from "@/messages/common";

// The root layout failed, so no provider knows the reader's language: say it in every language the console has.
const inEach = languages.map((locale) => ({ locale, t: createTranslator({ locale, messages: commonCatalogues[locale], namespace: "common" }) }));
const both = (say: (t: (typeof inEach)[number]["t"]) => string) => inEach.map(({ t }) => say(t)).join(" / ");

/** Replaces the root layout when that layout itself fails, so it brings its own document. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const reference = referenceOf(error);
  const title = `${both((t) => t("errorTitle"))} · Mandate`;
  return (
    <html lang="en">
      <body>
        <title>{title}</title>
        <main className="mx-auto max-w-2xl space-y-6 p-8">
          {inEach.map(({ locale, t }) => (
            <section key={locale} lang={locale} className="space-y-2">
              <h1 className="text-xl font-semibold text-slate-900">{t("errorTitle")}</h1>
              <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
                <p>{t("errorText")}</p>
                {reference && <p className="mt-1">{t("errorReference", { reference })}</p>}
              </div>
            </section>
          ))}
          <Button onClick={() => retry()}>{both((t) => t("tryAgain"))}</Button>
        </main>
      </body>
    </html>
  );
}
