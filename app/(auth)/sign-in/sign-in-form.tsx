"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { signInWithCredentials } from "@/components/auth-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { SIGN_IN_FAILED, SIGN_IN_THROTTLED } from "@/lib/auth/messages";



// Only same-site paths, so a crafted link cannot send a fresh session elsewhere.
function safeCallback(value: string | null): string {
  return value !== null && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [asUser, setAsUser] = useState(true);
  const [error, setError] = useState<string | null>(null);
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
      setError(asUser ? "Enter the account name, IAM user name and password." : "Enter the account name and password.");
      return;
    }
    setPending(true);
    setError(null);
    const failure = await signInWithCredentials({ account, user, password }).catch(() => SIGN_IN_FAILED);
    setPending(false);
    if (failure !== null) {
      setError(failure === SIGN_IN_THROTTLED ? SIGN_IN_THROTTLED : SIGN_IN_FAILED);
      return;
    }
    router.replace(safeCallback(params.get("callbackUrl")));
    router.refresh();
  }

  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Sign in as</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="mode" checked={asUser} onChange={() => setAsUser(true)} /> IAM user
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="mode" checked={!asUser} onChange={() => setAsUser(false)} /> Account (root user)
        </label>
      </fieldset>
      <Field label="Account name" name="account" required>
        {(p) => <Input {...p} autoComplete="organization" autoFocus />}
      </Field>
      {asUser && (
        <Field label="IAM user name" name="user" required>
          {(p) => <Input {...p} autoComplete="username" />}
        </Field>
      )}
      <Field label="Password" name="password" required>
        {(p) => <Input {...p} type="password" autoComplete="current-password" />}
      </Field>
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? "Signing in…" : "Sign In"}
      </Button>
    </form>
  );
}
