/** Sign-in messages as phrases, shared by the server and the sign-in form (free of server imports). */
import { phrase, readPhrase } from "@/lib/i18n/message";

export const SIGN_IN_FAILED = "errors.signIn.failed";

export function throttledMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return seconds < 120 ? phrase("errors.signIn.throttledSeconds", { seconds }) : phrase("errors.signIn.throttledMinutes", { minutes: Math.ceil(seconds / 60) });
}

// The form shows the server's message only when it is exactly a throttling phrase with a whole
// number, so a crafted `error` parameter cannot put arbitrary words on the sign-in page.
export function throttledPhrase(text: string): { key: "errors.signIn.throttledSeconds" | "errors.signIn.throttledMinutes"; count: number } | null {
  const found = readPhrase(text);
  if (found === null || found.values === undefined) return null;
  const count = found.key === "errors.signIn.throttledSeconds" ? found.values.seconds : found.values.minutes;
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 9999) return null;
  if (found.key !== "errors.signIn.throttledSeconds" && found.key !== "errors.signIn.throttledMinutes") return null;
  return { key: found.key, count: count as number };
}
