/**
 * The parts of the catalogue the browser gets, by where a page renders. Server components read the
 * whole catalogue on the server; only what client components read is sent, because every message
 * sent rides in the page's HTML and slows its first paint (tests/i18n/client-messages.test.ts
 * checks each list covers every key the client code below it can read, and nothing more).
 */

/** Client code the root layout renders on every page: the form size guard and the error boundary. */
export const everywhereParts = ["common", "domain.formTooLarge"] as const;

export const signInParts = [...everywhereParts, "auth", "errors.signIn", "validation.names"] as const;

/** The console's frame (top bar, menus, role switching) and the pages with no section of their own. */
export const consoleParts = [...everywhereParts, "nav", "roles", "notifications.markAllRead"] as const;

/** Each console section (a folder of app/(console) with a layout of its own) and the parts its pages read. */
export const sectionParts = {
  account: [...everywhereParts, "account", "accessKeys"],
  agencies: [...everywhereParts, "agencies", "domain.findings", "domain.scope", "validation.reach", "validation.scopes"],
  iam: [...everywhereParts, "iam", "accessKeys", "agencies.scope", "validation.reach", "validation.scopes"],
  "resource-directory": [...everywhereParts, "rd"],
  resources: [...everywhereParts, "resources", "nav.placement"],
} as const;

export type Section = keyof typeof sectionParts;
