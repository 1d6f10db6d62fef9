import { expect, test as base, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { signIn, unique } from "./helpers";
import { acmeBob, concretePatterns, concreteUrl, consoleRoutes, guarded, openToEveryone, placeholderUrl, redirects, type Caller } from "./routes";

/**
 * Every console page, read from app/**∕page.tsx: a page that needs a permission refuses a caller without it
 * and says which action is missing, without showing what it protects; a page that needs none opens for such
 * a caller. A page in neither table of e2e/routes.ts fails here, so a new page cannot go unchecked.
 */

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;
type Who = { account: string; user?: string };

// One sign-in per worker for each caller: the checks only read, and no spec ends the demo users' sessions.
const test = base.extend<{ as: (who: Who) => Promise<Page> }, { signedIn: (who: Who) => Promise<StorageState> }>({
  signedIn: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const states = new Map<string, Promise<StorageState>>();
      await use((who) => {
        const key = `${who.account}/${who.user ?? ""}`;
        if (!states.has(key)) {
          states.set(
            key,
            (async () => {
              const context = await browser.newContext({ baseURL });
              await signIn(await context.newPage(), who.account, who.user);
              const state = await context.storageState();
              await context.close();
              return state;
            })(),
          );
        }
        return states.get(key)!;
      });
    },
    { scope: "worker" },
  ],
  as: async ({ browser, signedIn, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who) => {
      const context = await browser.newContext({ baseURL, storageState: await signedIn(who) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

const label = (c: Caller) => `${c.account}/${c.user}`;

for (const route of consoleRoutes) {
  const guard = guarded[route.pattern];
  const reason = openToEveryone[route.pattern];
  const target = redirects[route.pattern];

  if (target !== undefined) {
    test(`${route.pattern} sends a caller without any permission on to ${target}, which is checked itself`, async ({ as }) => {
      expect(guard ?? reason, `${route.pattern} only redirects; remove it from \`guarded\` or \`openToEveryone\``).toBeUndefined();
      const page = await as(acmeBob);
      await page.goto(placeholderUrl(route));
      await expect(page).toHaveURL(new RegExp(`${target}$`));
    });
  } else if (guard === undefined && reason === undefined) {
    test(`${route.pattern} is classified as needing a permission or not`, () => {
      throw new Error(
        `${route.file} is in neither \`guarded\` nor \`openToEveryone\` of e2e/routes.ts: add it to \`guarded\` with the action ` +
          `it needs, a caller without it and what it protects, to \`openToEveryone\` with the reason it needs no permission, ` +
          `or to \`redirects\` if it only sends the visitor on.`,
      );
    });
  } else if (guard !== undefined && reason !== undefined) {
    test(`${route.pattern} is classified once`, () => {
      throw new Error(`${route.pattern} is both in \`guarded\` and in \`openToEveryone\` of e2e/routes.ts; keep one.`);
    });
  } else if (reason !== undefined) {
    test(`${route.pattern} opens for a caller without any permission (${reason})`, async ({ as }) => {
      const url = route.params.length === 0 ? route.pattern : await concreteUrl(await as({ account: "acme" }), route);
      const page = await as(acmeBob);
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toHaveCount(0);
      await expect(page).not.toHaveURL(/\/sign-in/);
    });
  } else if (guard !== undefined) {
    test(`${route.pattern} refuses ${label(guard.caller)}, who lacks ${guard.actions.join(" and ")}, and says why`, async ({ as }) => {
      const root = await as({ account: guard.caller.account });
      const url = await concreteUrl(guard.caller.account === "acme" ? root : await as({ account: "acme" }), route);
      const name = unique("refusal");

      // The protected data is there for a caller who may see it, so its absence below means something.
      if (typeof guard.data === "function") {
        await root.goto(url);
        if (guard.submit !== undefined) await guard.submit(root, name);
        await expect(guard.data(root, name).first()).toBeVisible();
      }

      const page = await as(guard.caller);
      await page.goto(url);
      if (guard.submit !== undefined) await guard.submit(page, `${name}-refused`);
      for (const action of guard.actions) {
        const refusal = page.getByRole("alert").filter({ hasText: `You do not have permission to perform ${action}` });
        await expect(refusal).toBeVisible();
        if (guard.submit === undefined) await expect(refusal).toContainText("Access denied");
      }
      if (typeof guard.data === "function") await expect(guard.data(page, `${name}-refused`)).toHaveCount(0);
      await expect(page.getByText(/Application error|digest/i)).toHaveCount(0);
    });
  }
}

test("e2e/routes.ts names no page that does not exist", () => {
  const patterns = new Set(consoleRoutes.map((r) => r.pattern));
  const stale = [...Object.keys(guarded), ...Object.keys(openToEveryone), ...Object.keys(redirects), ...concretePatterns].filter((p) => !patterns.has(p));
  expect(stale, "entries for pages that are gone; remove them from e2e/routes.ts").toEqual([]);
  const lost = Object.values(redirects).filter((to) => !patterns.has(to));
  expect(lost, "redirect targets that are no page").toEqual([]);
});
