"use client";
/**
 * The two calls the console makes to next-auth's endpoints from the browser. Posting the forms
 * directly (with next-auth's CSRF token) keeps next-auth's client library out of every page.
 */
async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<URL> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  const response = await fetch(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" } });
  const { url } = (await response.json()) as { url: string };
  return new URL(url, window.location.origin);
}

/** Signs in with the credentials provider; resolves to null on success or next-auth's error text. */
export async function signInWithCredentials(fields: { account: string; user: string; password: string }): Promise<string | null> {
  const url = await post("/api/auth/callback/credentials", fields);
  return url.searchParams.get("error");
}

export async function signOutOfConsole(): Promise<void> {
  await post("/api/auth/signout", {});
}
