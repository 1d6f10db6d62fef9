import { expect, test } from "@playwright/test";

const consoleUrls = [
  "/",
  "/iam/users",
  "/iam/groups",
  "/iam/groups/00000000-0000-4000-8000-000000000000",
  "/iam/policies",
  "/iam/policies/new",
  "/agencies",
  "/resource-directory",
  "/resource-directory/structure",
  "/resource-directory/trusted-services",
  "/resource-directory/trusted-services/config",
  "/resource-directory/members/00000000-0000-4000-8000-000000000000",
  "/delegated-admin",
  "/delegated-admin/config",
  "/agencies/new",
  "/resources/ecs",
  "/resources/obs",
  "/audit",
  "/audit/1",
  "/access",
  "/iam/simulator",
];

for (const url of consoleUrls) {
  test(`an unauthenticated visit to ${url} lands on sign-in`, async ({ page }) => {
    await page.goto(url);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
}
