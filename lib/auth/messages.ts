/** Sign-in messages, shared by the server and the sign-in form (free of imports for the client). */
export const SIGN_IN_FAILED = "Incorrect account name, IAM user name or password.";

const THROTTLED_PREFIX = "Too many failed sign-in attempts.";

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

export function throttledMessage(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX} Try again in ${duration(Math.max(1, Math.ceil(retryAfterSeconds)))}.`;
}

// The form shows the server's text only when it is exactly a throttling message, so a crafted
// `error` parameter cannot put arbitrary words on the sign-in page.
const THROTTLED_SHAPE = /^Too many failed sign-in attempts\. Try again in \d{1,4} (?:seconds?|minutes)\.$/;

export function isThrottledMessage(text: string): boolean {
  return THROTTLED_SHAPE.test(text);
}
