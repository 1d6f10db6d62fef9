"use client";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { signInWithCredentials } from "@/components/auth-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SIGN_IN_FAILED, throttledPhrase } from "@/lib/auth/messages";
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE, USER_NAME, USER_NAME_RULE } from "@/lib/auth/name-rules";
import { useWords } from "@/components/use-words";

export function SignInForm() {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const words = useWords();
  const router = useRouter();
  const params = useSearchParams();
  const [asUser, setAsUser] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ account?: string[]; user?: string[] }>({});
  const [pending, setPending] = useState(false);
  // Until the script runs, a native submit would send the password nowhere useful: keep it disabled.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const account = String(data.get("account") ?? "").trim();
    const user = asUser ? String(data.get("user") ?? "").trim() : "";
    const password = String(data.get("password") ?? "");
    if (account === "" || password === "" || (asUser && user === "")) {
      setError(asUser ? t("enterAllAsUser") : t("enterAllAsRoot"));
      return;
    }
    const badName = {
      ...(ACCOUNT_NAME.test(account) ? {} : { account: [words(ACCOUNT_NAME_RULE)] }),
      ...(asUser && !USER_NAME.test(user) ? { user: [words(USER_NAME_RULE)] } : {}),
    };
    setFieldErrors(badName);
    if (Object.keys(badName).length > 0) {
      setError(null);
      return;
    }
    setPending(true);
    setError(null);
    const failure = await signInWithCredentials({ account, user, password }).catch(() => SIGN_IN_FAILED);
    setPending(false);
    if (failure !== null) {
      const throttled = throttledPhrase(failure);
      setError(
        throttled === null
          ? te("signIn.failed")
          : throttled.key === "errors.signIn.throttledSeconds"
            ? te("signIn.throttledSeconds", { seconds: throttled.count })
            : te("signIn.throttledMinutes", { minutes: throttled.count }),
      );
      return;
    }
    // Only a path of this console, so a crafted link cannot send a fresh session elsewhere.
    router.replace(safeCallbackPath(params.get("callbackUrl"), window.location.origin));
    router.refresh();
  }

  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t("signInAs")}</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="mode" checked={asUser} onChange={() => setAsUser(true)} /> {t("iamUser")}
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="mode" checked={!asUser} onChange={() => setAsUser(false)} /> {t("rootUser")}
        </label>
      </fieldset>
      <Field label={t("accountName")} name="account" required errors={fieldErrors.account}>
        {(p) => <Input {...p} autoComplete="organization" autoFocus />}
      </Field>
      {asUser && (
        <Field label={t("userName")} name="user" required errors={fieldErrors.user}>
          {(p) => <Input {...p} autoComplete="username" />}
        </Field>
      )}
      <Field label={t("password")} name="password" required>
        {(p) => <Input {...p} type="password" autoComplete="current-password" />}
      </Field>
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
