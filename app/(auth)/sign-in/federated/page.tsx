import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { chooseLanguage } from "@/app/_lib/i18n/choose-language";
import { inReadersWords } from "@/app/_lib/i18n/translate";
import { getCaller } from "@/app/_lib/session";
import { LanguageSwitcher } from "@/components/language-switcher";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { getDb } from "@/db";
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE } from "@/lib/auth/name-rules";
import { REFUSAL_REASONS } from "@/lib/federation/oidc";
import { providersForSignIn } from "@/lib/federation/sign-in";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("federation");
  return { title: t("title") };
}

type Search = { account?: string | string[]; error?: string | string[]; callbackUrl?: string | string[] };
const startLink = (account: string, provider: string, callbackUrl: string) =>
  `/api/federation/start?${new URLSearchParams({ account, provider, ...(callbackUrl !== "" && { callbackUrl }) })}`;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 256) : "");

/**
 * Signing in through an identity provider: the account name first, then one of its providers. Plain
 * forms throughout, so it works before (and without) the page's script.
 */
export default async function FederatedSignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  if ((await getCaller()) !== null) redirect("/");
  const t = await getTranslations("federation");
  const te = await getTranslations("federation.errors");
  const query = await searchParams;
  const account = one(query.account).trim();
  const callbackUrl = one(query.callbackUrl);
  const error = REFUSAL_REASONS.find((r) => r === one(query.error));
  const accountValid = ACCOUNT_NAME.test(account);
  const providers = accountValid ? await providersForSignIn(await getDb(), account) : [];
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-4">
      <div className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div>
          <p className="text-sm font-semibold tracking-wide text-blue-700">MANDATE</p>
          <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
        </div>
        {error !== undefined && <Alert tone="error">{te(error)}</Alert>}
        <form method="get" action="/sign-in/federated" className="space-y-3">
          {callbackUrl !== "" && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
          <Field
            label={t("accountName")}
            name="account"
            required
            errors={account !== "" && !accountValid ? [await inReadersWords(ACCOUNT_NAME_RULE)] : undefined}
          >
            {(p) => <Input {...p} defaultValue={account} autoComplete="organization" autoFocus={account === ""} />}
          </Field>
          <Button type="submit" variant={accountValid ? "secondary" : "primary"} className="w-full">
            {accountValid ? t("changeAccount") : t("continue")}
          </Button>
        </form>
        {accountValid && (
          <section aria-labelledby="providers-heading" className="space-y-2">
            <h2 id="providers-heading" className="text-sm font-medium text-slate-700">
              {t("providersOf", { account })}
            </h2>
            {providers.length === 0 ? (
              <p className="text-sm text-slate-600">{t("none", { account })}</p>
            ) : (
              <ul className="space-y-2">
                {providers.map((p) => (
                  <li key={p.id}>
                    {/* A plain link: next/link would prefetch it, and each visit opens an attempt. */}
                    <a href={startLink(account, p.id, callbackUrl)} className={buttonClass("primary", "w-full")}>
                      {t("signInWith", { provider: p.name })}
                    </a>
                    {p.description !== "" && <p className="mt-1 text-xs text-slate-500">{p.description}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <Link href="/sign-in" className={buttonClass("link")}>
          {t("withPassword")}
        </Link>
      </div>
      <LanguageSwitcher choose={chooseLanguage} />
    </main>
  );
}
