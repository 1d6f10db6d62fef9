import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInChinese, unique } from "./helpers";
import { concreteUrl, consoleRoutes, placeholderUrl, publicRoutes, redirects } from "./routes";

async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function expectAccessible(page: Page, label: string) {
  expect(await seriousViolations(page, label)).toEqual([]);
}

const pages = consoleRoutes.filter((r) => redirects[r.pattern] === undefined);
const PAGES_PER_TEST = 5;
const count = Math.ceil(pages.length / PAGES_PER_TEST);
const batches = Array.from({ length: count }, (_, i) => pages.filter((_, index) => index % count === i));

// Each page in both of the console's languages: longer English and denser Chinese must both stay accessible.
for (const [language, locale] of [
  ["English", "en-US"],
  ["Chinese", "zh-CN"],
] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale });
    const signInAcme = (page: Page) => (language === "Chinese" ? signInChinese(page, "acme") : signIn(page, "acme"));

    // Every page in app/**/page.tsx, so a new page is checked without being listed here.
    for (const route of publicRoutes) {
      const url = placeholderUrl(route);
      test(`${url} has no serious accessibility violation`, async ({ page }) => {
        await page.goto(url);
        await expect(page.locator("html")).toHaveAttribute("lang", language === "Chinese" ? "zh-CN" : "en");
        await expectAccessible(page, url);
      });
    }

    // A few pages per test, so that a busy two-core machine analysing them with axe stays within a test's time.
    // Pages that only redirect are checked at their target.
    for (const [index, batch] of batches.entries()) {
      test(`console pages (batch ${index + 1} of ${count}: ${batch.map((r) => r.pattern).join(", ")}) have no serious accessibility violation`, async ({
        page,
      }) => {
        test.setTimeout(180_000);
        await signInAcme(page);
        // Every page of the batch is analysed before failing, so one run names every violation.
        const found: string[] = [];
        for (const route of batch) {
          // Dynamic pages open on a demo object; one without an entry in e2e/routes.ts fails here, saying so.
          const url = await concreteUrl(page, route);
          await page.goto(url);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          found.push(...(await seriousViolations(page, url)));
        }
        expect(found).toEqual([]);
      });
    }
  });
}

test("a switched role and the role menu have no serious accessibility violation", async ({ page }) => {
  await signIn(page, "globex", "gina");
  await page.getByRole("button", { name: "Switch Role" }).click();
  await expectAccessible(page, "role menu");
});

test("the Create Agency wizard works by keyboard alone", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await page.goto("/agencies/new");
  // The wizard is disabled until its scripts run (so nothing typed is lost); a person waits for it too.
  await expect(page.getByLabel("Agency Name")).toBeEnabled();
  await page.getByLabel("Agency Name").focus();
  await page.keyboard.type(unique("kbd"));
  await page.keyboard.press("Tab"); // Account radio
  await page.keyboard.press("Tab"); // Delegated Account
  await expect(page.getByLabel("Delegated Account")).toBeFocused();
  await page.keyboard.type("umbrella");
  // Tab to Next: Validity Period, Description, Cancel, Next.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Next" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Select Policy/Role" })).toBeVisible();
  await page.getByLabel("Search policies and roles").focus();
  await page.keyboard.type("OBS Read");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /OBS ReadOnlyAccess/ })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "OK" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Agency Created" })).toBeVisible();
});

test("security headers and a per-request CSP nonce are sent, and the page still runs", async ({ page, request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, "acme", "alice");
  await page.goto("/agencies/new");
  await page.getByLabel("Agency Name").fill("x");
  await expect(page.getByLabel("Agency Name")).toHaveValue("x");
  expect(violations).toEqual([]);
});

test("repeated failed sign-ins are throttled with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Account (root user)").check();
  await page.getByLabel("Account name").fill(unique("throttle-probe"));
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign In" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toBeVisible();
  }
  await page.getByLabel("Password").fill("another");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts" })).toHaveText(
    /^Too many failed sign-in attempts\. Try again in \d+ seconds\.$/,
  );
});
