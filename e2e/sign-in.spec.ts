import { expect, test } from "@playwright/test";
import { createUser, demo, signIn, unique } from "./helpers";

/** Fills the form without waiting for the console (for attempts meant to fail). */
async function attempt(page: import("@playwright/test").Page, account: string, user: string, password: string) {
  await page.getByLabel("Account name").fill(account);
  await page.getByLabel("IAM user name").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign In" }).click();
}

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

test("a session cookie copied before Sign Out no longer works after it", async ({ page, browser }) => {
  await signIn(page, "acme", "bob");
  const copied = await page.context().cookies();
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/resources/ecs");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
});

test("a user sees their sessions and signs out the other ones", async ({ page, browser }) => {
  // A user of this test's own: signing out "the other sessions" of a demo user would end other specs' sign-ins.
  await signIn(page, "acme");
  const user = await createUser(page, "sessions");
  await page.context().clearCookies();
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signIn(other, "acme", user.name, user.password);
  await signIn(page, "acme", user.name, user.password);
  await page.getByRole("link", { name: "My sessions" }).click();
  await expect(page.getByRole("heading", { name: "My sessions" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Active sessions" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This session" })).toHaveCount(1);
  await page.getByRole("button", { name: "Sign out other sessions" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Signed out 1 other session\.$/ })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await other.goto("/resources/ecs");
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto("/resources/ecs");
  await expect(page.getByRole("navigation", { name: "Console" }).first()).toBeVisible();
  await elsewhere.close();
});

test("a forged X-Forwarded-For does not buy more attempts", async ({ page }) => {
  const probe = unique("xff-probe");
  await page.goto("/sign-in");
  for (let i = 0; i < 5; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${i + 1}` });
    await attempt(page, probe, "mallory", `wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toBeVisible();
  }
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.99" });
  await attempt(page, probe, "mallory", "another");
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts" })).toBeVisible();
});

test("names outside the naming rules are refused at the field", async ({ page }) => {
  await page.goto("/sign-in");
  await attempt(page, "acme", "ali\u200bce", demo.user);
  await expect(page.getByText("An IAM user name has up to 32 letters")).toBeVisible();
  await expect(page.getByLabel("IAM user name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a callbackUrl to another site is ignored after signing in", async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/\\evil.example/x")}`);
  await attempt(page, "acme", "alice", demo.user);
  await expect(page.getByRole("navigation", { name: "Console" }).first()).toBeVisible();
  expect(new URL(page.url()).host).toMatch(/^localhost:/);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("an administrator signs a user out everywhere", async ({ page, browser }) => {
  await signIn(page, "acme", "alice");
  // A user of this test's own: signing a demo user out everywhere would end other specs' sign-ins.
  const user = await createUser(page, "signed-out");
  const usersContext = await browser.newContext();
  const signedIn = await usersContext.newPage();
  await signIn(signedIn, "acme", user.name, user.password);
  await page.goto("/iam/users");
  await page.getByRole("button", { name: `Sign out user ${user.name} everywhere` }).click();
  await page.getByRole("dialog", { name: "Sign Out User" }).getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByRole("status").filter({ hasText: new RegExp(`^Signed ${user.name} out of 1 session\\.$`) })).toBeVisible();
  await signedIn.goto("/resources/ecs");
  await expect(signedIn).toHaveURL(/\/sign-in/);
  await usersContext.close();
});
