import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { chooseLanguage } from "@/app/_lib/i18n/choose-language";
import { getCaller } from "@/app/_lib/session";
import { LanguageSwitcher } from "@/components/language-switcher";
import { buttonClass } from "@/components/ui/button";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if ((await getCaller()) !== null) redirect("/");
  const t = await getTranslations("auth");
  const tf = await getTranslations("federation");
  const { callbackUrl } = await searchParams;
  const federated =
    typeof callbackUrl === "string" ? `/sign-in/federated?${new URLSearchParams({ callbackUrl: callbackUrl.slice(0, 256) })}` : "/sign-in/federated";
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-blue-700">MANDATE</p>
        <h1 className="mb-4 mt-1 text-xl font-semibold">{t("title")}</h1>
        <Suspense>
          <SignInForm />
        </Suspense>
        <div className="mt-4 border-t border-slate-200 pt-4 text-center">
          <Link href={federated} className={buttonClass("link")}>
            {tf("link")}
          </Link>
        </div>
      </div>
      <LanguageSwitcher choose={chooseLanguage} />
    </main>
  );
}
