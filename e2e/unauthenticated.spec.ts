import { expect, test } from "@playwright/test";
import { consoleRoutes, placeholderUrl, publicRoutes } from "./routes";

// Every page in app/**/page.tsx, so a new console page is checked without being listed here. A signed-out
// visitor is sent to sign-in before anything is looked up, so a placeholder id is enough for dynamic pages.
for (const route of consoleRoutes) {
  const url = placeholderUrl(route);
  test(`an unauthenticated visit to ${url} lands on sign-in`, async ({ page }) => {
    await page.goto(url);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
}

for (const route of publicRoutes) {
  const url = placeholderUrl(route);
  test(`an unauthenticated visit to ${url} stays there`, async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
}
