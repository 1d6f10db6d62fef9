import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";

test("alice signs in and sees the console shell", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await expect(page.getByLabel("Signed in as")).toHaveText("alice@acme");
  const nav = page.getByRole("navigation", { name: "Console" }).first();
  for (const link of ["Users", "User Groups", "Policies", "Agencies", "Overview", "Trusted Services", "ECS Instances", "OBS Buckets", "Audit Trail"]) {
    await expect(nav.getByRole("link", { name: link, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();
});

test("the root user signs in with the account name and password", async ({ page }) => {
  await signIn(page, "globex");
  await expect(page.getByLabel("Signed in as")).toHaveText("globex (root user)");
});

test("a wrong password gets the generic error and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Account name").fill("acme");
  await page.getByLabel("IAM user name").fill("alice");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toHaveText("Incorrect account name, IAM user name or password.");
  // An unknown user gets exactly the same message, so names cannot be probed.
  await page.getByLabel("IAM user name").fill("nobody");
  await page.getByLabel("Password").fill(demo.user);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toHaveText("Incorrect account name, IAM user name or password.");
  await page.goto("/iam/users");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/resources/ecs");
  await expect(page).toHaveURL(/\/sign-in/);
});
