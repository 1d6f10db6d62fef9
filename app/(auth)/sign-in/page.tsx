import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { chooseLanguage } from "@/app/_lib/i18n/choose-language";
import { getCaller } from "@/app/_lib/session";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function SignInPage() {
  if ((await getCaller()) !== null) redirect("/");
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-blue-700">MANDATE</p>
        <h1 className="mb-4 mt-1 text-xl font-semibold">{t("title")}</h1>
        <Suspense>
          <SignInForm />
        </Suspense>
      </div>
      <LanguageSwitcher choose={chooseLanguage} />
    </main>
  );
}
