import { expect, type Locator, test } from "@playwright/test";
import { signIn, unique, wizardToScope } from "./helpers";

test("a message at a field goes away when the field changes", async ({ page }) => {
  await signIn(page, "acme");
  await page.goto("/agencies/new");
  await page.getByLabel("Agency Name").fill(unique("feedback"));
  await page.getByLabel("Delegated Account").fill("umbrella");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  const message = page.getByText("Select at least one policy or role.");
  await expect(message).toBeVisible();
  await page.getByRole("checkbox", { name: /ECS ReadOnlyAccess/ }).check();
  await page.getByRole("checkbox", { name: /OBS ReadOnlyAccess/ }).check();
  await expect(message).toHaveCount(0);

  await page.goto("/iam/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("User name").fill("1-not-a-name");
  await form.getByLabel("Password", { exact: true }).fill("Str0ng-pass");
  await form.getByLabel("Confirm password").fill("Str0ng-pass");
  await form.getByRole("button", { name: "Create User" }).click();
  const nameError = form.getByText(/User name must start with a letter/);
  await expect(nameError).toBeVisible();
  await form.getByLabel("User name").fill("fixed-name");
  await expect(nameError).toHaveCount(0);
});

test("a toast names the object after a change, also across a redirect", async ({ page }) => {
  const name = unique("toasted");
  await signIn(page, "acme");
  await wizardToScope(page, name, "umbrella", [/ECS ReadOnlyAccess/, /OBS ReadOnlyAccess/]);
  await page.getByRole("button", { name: "OK" }).click();
  const toasts = page.getByRole("region", { name: /Notifications/ });
  await expect(toasts.getByText(`Agency ${name} created.`)).toBeVisible();

  await page.getByRole("link", { name: "View Agency" }).click();
  await page.getByRole("table", { name: "Permissions" }).getByRole("button", { name: "Remove OBS ReadOnlyAccess" }).click();
  await page.getByRole("dialog", { name: "Remove Permission" }).getByRole("button", { name: "Remove" }).click();
  await expect(toasts.getByText(`Removed OBS ReadOnlyAccess from agency ${name}.`)).toBeVisible();

  await page.getByRole("button", { name: "Delete Agency" }).click();
  await page.getByRole("dialog", { name: "Delete Agency" }).getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/agencies$/);
  await expect(toasts.getByText(`Agency ${name} deleted.`)).toBeVisible();
});

test("a trusted service at its maximum offers no Add, and adding one says it enabled trusted access", async ({ page }) => {
  await signIn(page, "acme");
  await page.goto("/resource-directory/trusted-services/actiontrail");
  const add = page.getByRole("button", { name: "Add" });
  await expect(page.getByText("0 of 1 used")).toBeVisible();
  await add.click();
  const panel = page.getByRole("dialog", { name: "Add Delegated Administrator Account" });
  await expect(panel).toContainText("also enables trusted access for Action Trail");
  await panel.getByRole("radio", { name: /initech/ }).check();
  await panel.getByRole("button", { name: "OK" }).click();
  await expect(
    page
      .getByRole("region", { name: /Notifications/ })
      .getByText("initech is now a delegated administrator account of Action Trail. Trusted access for Action Trail was enabled with it."),
  ).toBeVisible();
  await expect(page.getByText("1 of 1 used: remove one to add another")).toBeVisible();
  await expect(add).toBeDisabled();

  // Leave the shared directory as it was.
  await page.getByRole("table", { name: "Delegated administrator accounts" }).getByRole("button", { name: "Remove initech" }).click();
  const warning = page.getByRole("dialog", { name: "Warning" });
  await expect(warning).toContainText("initech");
  await warning.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("0 of 1 used")).toBeVisible();
});

test("on a phone the menu closes once a link has been followed", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "acme");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByText("Menu", { exact: true }).click();
  const nav = page.getByRole("navigation", { name: "Console" }).first();
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "Agencies" }).click();
  await expect(page).toHaveURL(/\/agencies$/);
  await expect(nav).toBeHidden();
  await context.close();
});

test("a page that does not apply to the account says so neutrally, not as an error", async ({ page }) => {
  await signIn(page, "initech");
  await page.goto("/resource-directory/trusted-services");
  await expect(page.getByRole("status").filter({ hasText: "Not available for this account" })).toContainText("does not manage a resource directory");
  await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toHaveCount(0);
});

test("the agency list filters by status, sorts by name, copies an ID, and deletes a batch reporting each result", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const prefix = unique("batch");
  await signIn(page, "acme");
  for (const suffix of ["a", "b"]) {
    await wizardToScope(page, `${prefix}-${suffix}`, "umbrella", [/OBS ReadOnlyAccess/], "One day");
    await page.getByRole("button", { name: "OK" }).click();
    await expect(page.getByRole("heading", { name: "Agency Created" })).toBeVisible();
  }
  await page.goto(`/agencies?q=${prefix}`);
  await page.getByLabel("Status").selectOption("expiring");
  await page.getByRole("button", { name: "Search" }).click();
  const table = page.getByRole("table", { name: "Agencies" });
  await expect(table.getByRole("link", { name: `${prefix}-a`, exact: true })).toBeVisible();
  await table.getByRole("link", { name: "Agency name" }).click();
  await expect(table.getByRole("columnheader", { name: /Agency name/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}-a`);
  await table.getByRole("link", { name: "Agency name" }).click();
  await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}-b`);

  await table.getByRole("button", { name: `Copy the ID of ${prefix}-a` }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^[0-9a-f-]{36}$/);

  await table.getByRole("checkbox", { name: `Select ${prefix}-a` }).check();
  await table.getByRole("checkbox", { name: `Select ${prefix}-b` }).check();
  await page.getByRole("button", { name: "Delete selected (2)" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete Agencies" });
  await expect(confirm).toContainText(`${prefix}-a`);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("region", { name: /Notifications/ }).getByText(/^Deleted batch-.*-(a|b), batch-.*-(a|b)\.$/)).toBeVisible();
  await expect(table.getByRole("link", { name: `${prefix}-a`, exact: true })).toHaveCount(0);
});

test("on a phone every table keeps its row operations in view", async ({ page }) => {
  await signIn(page, "acme");
  await page.setViewportSize({ width: 390, height: 844 });
  const button = (table: string, name: string | RegExp) => page.getByRole("table", { name: table }).getByRole("button", { name }).first();
  const operations: [string, Locator][] = [
    ["/agencies", button("Agencies", "Delete agency globex-ops")],
    ["/iam/users", button("Users", "Delete user alice")],
    ["/resources/ecs", button("ECS instances", /^(Start|Stop) web-01$/)],
    ["/resources/obs", button("OBS buckets", /^Delete /)],
    ["/account/sessions", page.getByRole("table", { name: "Active sessions" }).getByText("This session")],
    ["/resource-directory/trusted-services", page.getByRole("link", { name: "Manage Config Audit" })],
    [
      "/resource-directory/trusted-services/config",
      page.getByRole("table", { name: "Delegated administrator accounts" }).getByRole("columnheader", { name: "Operation" }),
    ],
  ];
  for (const [url, operation] of operations) {
    await page.goto(url);
    await expect(operation).toBeVisible();
    const box = await operation.boundingBox();
    expect(box, url).not.toBeNull();
    expect(box!.x + box!.width, url).toBeLessThanOrEqual(390);
  }
});
