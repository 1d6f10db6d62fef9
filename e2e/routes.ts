import { readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";

/**
 * Every page of the console, read from `app/**∕page.tsx` when the specs are collected, so that a new page is
 * covered by the unauthenticated, accessibility and refusal specs without anyone remembering to list it.
 * What cannot be derived from the file tree (a real value for a dynamic segment, the permission a page needs)
 * is kept in the tables below, and a page missing from them makes those specs fail with a message saying so.
 */

export type Route = {
  /** The URL pattern as Next routes it, route groups stripped: `/agencies/[agencyId]`. */
  pattern: string;
  /** The page file, relative to the repository: `app/(console)/agencies/[agencyId]/page.tsx`. */
  file: string;
  /** Pages in `app/(auth)` are for signed-out visitors; every other page is the console's and needs a sign-in. */
  public: boolean;
  /** The dynamic segments (`[agencyId]`), in order. */
  params: string[];
};

const repository = join(dirname(fileURLToPath(import.meta.url)), "..");
const PAGE_FILE = /^page\.(tsx|ts|jsx|js|mdx)$/;

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    // Next ignores private folders (`_lib`) and does not route parallel slots (`@modal`) by their own name.
    if (entry.isDirectory()) return entry.name.startsWith("_") || entry.name.startsWith("@") ? [] : pageFiles(join(dir, entry.name));
    return PAGE_FILE.test(entry.name) ? [join(dir, entry.name)] : [];
  });
}

function toRoute(file: string): Route {
  const folders = relative(join(repository, "app"), dirname(file))
    .split(sep)
    .filter((s) => s !== "");
  const segments = folders.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return {
    pattern: `/${segments.join("/")}`,
    file: relative(repository, file).split(sep).join("/"),
    public: folders.includes("(auth)"),
    params: segments.filter((s) => s.startsWith("[")),
  };
}

export const routes: Route[] = pageFiles(join(repository, "app"))
  .map(toRoute)
  .sort((a, b) => a.pattern.localeCompare(b.pattern));

export const publicRoutes = routes.filter((r) => r.public);
export const consoleRoutes = routes.filter((r) => !r.public);

/** Fills every dynamic segment with a value that names nothing (enough where the page is never reached). */
export function placeholderUrl(route: Route): string {
  return route.pattern.replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");
}

/** The href of the link named `name` on `listUrl`, as the signed-in caller sees it. */
async function linkOn(page: Page, listUrl: string, name: string | RegExp): Promise<string> {
  await page.goto(listUrl);
  const link = page
    .getByRole("main")
    .getByRole("link", { name, exact: typeof name === "string" })
    .first();
  const href = await link.getAttribute("href");
  if (href === null) throw new Error(`No link ${String(name)} on ${listUrl}`);
  return href;
}

/** The first link on `listUrl` whose address starts with `prefix` and whose name mentions `about`: found the same in every language. */
async function hrefOn(page: Page, listUrl: string, prefix: string, about?: RegExp): Promise<string> {
  await page.goto(listUrl);
  const links = page.getByRole("main").locator(`a[href^="${prefix}"]`);
  const link = (about === undefined ? links : links.and(page.getByRole("link", { name: about }))).first();
  const href = await link.getAttribute("href");
  if (href === null) throw new Error(`No link to ${prefix} on ${listUrl}`);
  return href;
}

/**
 * How to reach each dynamic page with a real value, as acme's root user: demo objects that no spec changes or
 * deletes (specs delete only what they made), so a parallel spec cannot pull the page away mid-check.
 */
const concrete: Record<string, (page: Page) => Promise<string>> = {
  "/agencies/[agencyId]": (page) => linkOn(page, "/agencies", "globex-ops"),
  "/agencies/[agencyId]/created": async (page) => `${await linkOn(page, "/agencies", "globex-ops")}/created`,
  // Signing in is an event, so acme's trail is never empty; events are never deleted.
  "/audit/[eventId]": (page) => hrefOn(page, "/audit", "/audit/"),
  "/delegated-admin/[service]": async () => "/delegated-admin/config",
  "/iam/groups/[groupId]": (page) => linkOn(page, "/iam/groups", "admins"),
  "/iam/users/[userId]/access-keys": async (page) => {
    await page.goto("/iam/users");
    const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "alice", exact: true }) });
    const href = await row.locator('a[href$="/access-keys"]').first().getAttribute("href");
    if (href === null) throw new Error("No access keys link for alice on /iam/users");
    return href;
  },
  "/iam/policies/[policyId]": (page) => linkOn(page, "/iam/policies", "ECS FullAccess"),
  // The demo world has no identity provider: one is set up for the check (no spec deletes another's
  // provider). By field names, not labels: this runs in each language the pages are checked in.
  "/iam/identity-providers/[providerId]": async (page) => {
    await page.goto("/iam/identity-providers/new");
    const form = page.locator('form:has(textarea[name="rules"])');
    await form.locator('input[name="name"]').fill(`routes-${Date.now()}`);
    await form.locator('input[name="issuer"]').fill("https://idp.example.com");
    await form.locator('input[name="clientId"]').fill("mandate");
    await form.locator('input[name="clientSecret"]').fill("s3cret");
    await form.locator('textarea[name="rules"]').fill('[{"local":[{"user":{"name":"{0}"}}],"remote":[{"type":"email"}]}]');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/\/iam\/identity-providers\/[0-9a-f-]{36}$/);
    return new URL(page.url()).pathname;
  },
  "/resource-directory/members/[accountId]": (page) => hrefOn(page, "/resource-directory/structure?q=globex", "/resource-directory/members/", /globex/),
  "/resource-directory/trusted-services/[service]": async () => "/resource-directory/trusted-services/config",
};

export const concretePatterns = Object.keys(concrete);

/** A URL that opens `route` on a real object; `page` must be signed in as the root user of acme (which owns the demo objects). */
export async function concreteUrl(page: Page, route: Route): Promise<string> {
  if (route.params.length === 0) return route.pattern;
  const find = concrete[route.pattern];
  if (find === undefined) {
    throw new Error(
      `${route.file} has dynamic segments ${route.params.join(", ")} but e2e/routes.ts does not say how to reach it: ` +
        `add "${route.pattern}" to \`concrete\` there (e.g. follow a demo object's link on its list page, or a fixed value).`,
    );
  }
  const url = await find(page);
  if (/\[|\]/.test(url)) throw new Error(`concrete["${route.pattern}"] returned ${url}, which still has a placeholder`);
  return url;
}

/** Pages every signed-in caller may open, each with the reason it needs no permission. */
export const openToEveryone: Record<string, string> = {
  "/": "the overview shows only the caller's own account name, ID and identity",
  "/account/password": "the caller changes their own password, which needs only their current one",
  "/account/access-keys": "the caller's own access keys, which every principal manages for itself",
  "/account/sessions": "the caller's own sign-ins, which they may always see and end",
  "/switch-role": "a form filled from a shared link; the engine decides when it is sent",
  "/notifications": "the caller's own account's notifications, each shown only if the engine lets the caller see what it is about",
};

/** Pages that only send the visitor on, to a page that is checked itself. */
export const redirects: Record<string, string> = {
  "/resources": "/resources/ecs",
};

export type Caller = { account: string; user: string };
export const acmeBob: Caller = { account: "acme", user: "bob" };
export const globexGus: Caller = { account: "globex", user: "gus" };

export type Guard = {
  /** The actions the refusal names (the page may refuse several parts on their own). */
  actions: string[];
  /** A caller of the demo world without those actions (neither bob nor gus is in any group). */
  caller: Caller;
  /**
   * What the page protects: the root user of the caller's account sees it (which proves the locator is right)
   * and the refused caller must not. `{ none }` only where no demo caller may see it without changing shared demo
   * state, with the reason.
   */
  data: ((page: Page, name: string) => Locator) | { none: string };
  /**
   * For a page that shows its form to anyone and refuses when the form is sent: sends it, with `name` unique
   * to this run for whatever it would create.
   */
  submit?: (page: Page, name: string) => Promise<void>;
};

/** Pages that need a permission: who is refused, what the refusal must name, and what it must not show. */
export const guarded: Record<string, Guard> = {
  "/access": {
    actions: ["iam:agencies:list", "iam:agencies:assume"],
    caller: acmeBob,
    data: (page) => page.getByRole("table", { name: "Agencies of this account" }),
  },
  "/agencies": { actions: ["iam:agencies:list"], caller: acmeBob, data: (page) => page.getByRole("link", { name: "globex-ops", exact: true }) },
  "/agencies/[agencyId]": { actions: ["iam:agencies:get"], caller: acmeBob, data: (page) => page.getByRole("region", { name: "Basic Information" }) },
  "/agencies/[agencyId]/created": { actions: ["iam:agencies:get"], caller: acmeBob, data: (page) => page.getByText("Agency ID", { exact: true }) },
  // Refused on arrival: the wizard is not offered to a caller who could not finish it.
  "/agencies/new": { actions: ["iam:agencies:create"], caller: acmeBob, data: (page) => page.getByRole("region", { name: "Basic Information" }) },
  "/audit": { actions: ["cts:traces:list"], caller: acmeBob, data: (page) => page.getByRole("table", { name: "Audit events" }) },
  "/audit/[eventId]": { actions: ["cts:traces:get"], caller: acmeBob, data: (page) => page.getByRole("region", { name: "Request details" }) },
  "/delegated-admin": {
    actions: ["resourcemanager:ListDelegatedServicesForAccount"],
    caller: globexGus,
    data: (page) => page.getByRole("table", { name: "Services you administer" }),
  },
  "/delegated-admin/[service]": {
    actions: ["config:multiAccount:list"],
    caller: globexGus,
    data: { none: "only a registered delegated administrator sees the module, and registering one changes acme's directory for every spec" },
  },
  "/iam/groups": { actions: ["iam:groups:list"], caller: acmeBob, data: (page) => page.getByRole("link", { name: "admins", exact: true }) },
  "/iam/groups/[groupId]": { actions: ["iam:groups:get"], caller: acmeBob, data: (page) => page.getByRole("table", { name: "Users in this group" }) },
  "/iam/identity-providers": {
    actions: ["iam:identityProviders:list"],
    caller: acmeBob,
    data: (page) => page.getByRole("table", { name: "Identity providers" }),
  },
  "/iam/identity-providers/[providerId]": {
    actions: ["iam:identityProviders:get"],
    caller: acmeBob,
    data: (page) => page.getByText("Redirect URL to register with the provider"),
  },
  // Refused on arrival: the form is not offered to a caller who could not send it.
  "/iam/identity-providers/new": {
    actions: ["iam:identityProviders:create"],
    caller: acmeBob,
    data: (page) => page.getByLabel("Identity conversion rules"),
  },
  "/iam/policies": { actions: ["iam:policies:list"], caller: acmeBob, data: (page) => page.getByRole("link", { name: "ECS FullAccess", exact: true }) },
  "/iam/policies/[policyId]": { actions: ["iam:policies:get"], caller: acmeBob, data: (page) => page.getByRole("region", { name: "Policy content" }) },
  // Refused on arrival: the editor is not offered to a caller who could not save.
  "/iam/policies/new": { actions: ["iam:policies:create"], caller: acmeBob, data: (page) => page.getByLabel("Policy content") },
  "/iam/simulator": { actions: ["iam:permissions:simulate"], caller: acmeBob, data: (page) => page.getByLabel("Principal") },
  "/iam/users": { actions: ["iam:users:list"], caller: acmeBob, data: (page) => page.getByRole("cell", { name: "alice", exact: true }) },
  "/iam/users/[userId]/access-keys": {
    actions: ["iam:accessKeys:list"],
    caller: acmeBob,
    data: (page) => page.getByRole("table", { name: "Access keys of user alice" }),
  },
  "/resource-directory": {
    actions: ["resourcemanager:GetResourceDirectory"],
    caller: acmeBob,
    data: (page) => page.getByText("Resource directory ID", { exact: true }),
  },
  "/resource-directory/members/[accountId]": {
    actions: ["resourcemanager:GetResourceDirectory"],
    caller: acmeBob,
    data: (page) => page.getByText("Joined", { exact: true }),
  },
  "/resource-directory/structure": {
    actions: ["resourcemanager:GetResourceDirectory"],
    caller: acmeBob,
    data: (page) => page.getByRole("list", { name: "Directory structure" }),
  },
  "/resource-directory/trusted-services": {
    actions: ["resourcemanager:ListTrustedServiceStatus"],
    caller: acmeBob,
    data: (page) => page.getByRole("link", { name: "Manage Config Audit" }),
  },
  "/resource-directory/trusted-services/[service]": {
    actions: ["resourcemanager:ListTrustedServiceStatus"],
    caller: acmeBob,
    data: (page) => page.getByRole("table", { name: "Delegated administrator accounts" }),
  },
  "/resources/ecs": { actions: ["ecs:instances:list"], caller: globexGus, data: (page) => page.getByRole("table", { name: "ECS instances" }) },
  "/resources/obs": { actions: ["obs:buckets:list"], caller: acmeBob, data: (page) => page.getByRole("table", { name: "OBS buckets" }) },
};
