/**
 * The parts of the catalogue the browser gets, by where a page renders. Server components read the
 * whole catalogue on the server; only what client components read is sent, because every message
 * sent rides in the page's HTML and slows its first paint (tests/i18n/client-messages.test.ts
 * checks each list covers every key the client code below it can read).
 */

/** Client code the root layout renders on every page: the form size guard and the error boundary. */
export const everywhereParts = ["common", "domain.formTooLarge"] as const;

export const signInParts = [...everywhereParts, "auth", "errors.signIn", "validation.names"] as const;

export const consoleParts = [
  ...everywhereParts,
  "accessKeys",
  "account",
  "agencies",
  "domain.findings",
  "domain.scope",
  "iam",
  "nav",
  "notifications",
  "rd",
  "resources",
  "roles",
  "validation.reach",
  "validation.scopes",
] as const;
