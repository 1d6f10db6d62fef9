import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function openService(page: Page, service: string) {
  const nav = page.getByRole("navigation", { name: "Console" }).first();
  await nav.getByRole("link", { name: "Trusted Services" }).click();
  await expect(page.getByRole("heading", { name: "Trusted Services" })).toBeVisible();
  await page.getByRole("link", { name: `Manage ${service}` }).click();
  await expect(page.getByRole("heading", { name: "Delegated Administrator Accounts" })).toBeVisible();
}

test("acme registers globex for Config Audit; globex sees the directory; after removal globex is refused", async ({ page, browser }) => {
  await signIn(page, "acme");
  await openService(page, "Config Audit");
  await page.getByRole("button", { name: "Add" }).click();
  const panel = page.getByRole("dialog", { name: "Add Delegated Administrator Account" });
  await expect(panel.getByText("acme", { exact: true })).toHaveCount(0); // the management account is not offered
  await panel.getByRole("radio", { name: /globex/ }).check();
  await panel.getByRole("button", { name: "OK" }).click();
  const table = page.getByRole("table", { name: "Delegated administrator accounts" });
  const row = table.getByRole("row").filter({ hasText: "globex" });
  await expect(row.getByRole("cell", { name: "Root / Production" })).toBeVisible();

  const globex = await browser.newPage();
  await signIn(globex, "globex");
  await globex.getByRole("navigation", { name: "Console" }).first().getByRole("link", { name: "Delegated Administration" }).click();
  await globex.getByRole("link", { name: "Open the Config Audit multi-account module" }).click();
  const tree = globex.getByRole("list", { name: "Directory structure" });
  await expect(tree.getByLabel("Folder Production", { exact: true })).toBeVisible();
  await expect(tree.getByLabel("Folder Development", { exact: true })).toBeVisible();
  await expect(tree.getByLabel("Account initech", { exact: true })).toBeVisible();
  await expect(tree.getByLabel("Account acme", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: "Remove globex" }).click();
  const warning = page.getByRole("dialog", { name: "Warning" });
  await expect(warning).toContainText("The removal of a delegated administrator account may affect the use of the related trusted service.");
  await warning.getByRole("button", { name: "Continue" }).click();
  await expect(table.getByRole("cell", { name: "globex", exact: true })).toHaveCount(0);

  await globex.reload();
  await expect(globex.getByRole("alert").filter({ hasText: "Access denied" })).toContainText("not a delegated administrator account");
  await expect(globex.getByRole("list", { name: "Directory structure" })).toHaveCount(0);
  await globex.close();
});

test("acme/bob is refused until a custom policy with the seed's two actions is granted to his group", async ({ page, browser }) => {
  const bob = await browser.newPage();
  await signIn(bob, "acme", "bob");
  await bob.goto("/resource-directory/trusted-services/cloudfw");
  await expect(bob.getByRole("alert").filter({ hasText: "Access denied" })).toBeVisible();

  await signIn(page, "acme", "alice");
  await page.goto("/iam/policies/new");
  await page.getByLabel("Policy name").fill("delegated-admin-operators");
  await page.getByLabel("Policy content").fill(`{
    "Version": "1",
    "Statement": [{
        "Action": [
            "resourcemanager:RegisterDelegatedAdministrator",
            "resourcemanager:DeregisterDelegatedAdministrator"
        ],
        "Resource": "*",
        "Effect": "Allow"
    }]
}`);
  await page.getByRole("button", { name: "Create Policy" }).click();
  await expect(page.getByRole("heading", { name: "delegated-admin-operators" })).toBeVisible();
  await page.goto("/iam/groups");
  const create = page.getByRole("form", { name: "Create user group" });
  await create.getByLabel("User group name").fill("rd-operators");
  await create.getByRole("button", { name: "Create User Group" }).click();
  await expect(page.getByRole("heading", { name: "rd-operators" })).toBeVisible();
  const grant = page.getByRole("form", { name: "Grant permission" });
  await grant.getByLabel("Policy or role").selectOption({ label: "delegated-admin-operators (custom)" });
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByRole("table", { name: "Permissions" }).getByRole("cell", { name: "delegated-admin-operators", exact: true })).toBeVisible();
  const add = page.getByRole("form", { name: "Add user to group" });
  await add.getByLabel("User").selectOption({ label: "bob" });
  await add.getByRole("button", { name: "Add User" }).click();
  await expect(page.getByRole("table", { name: "Users in this group" }).getByRole("cell", { name: "bob", exact: true })).toBeVisible();

  await openService(bob, "Cloud Firewall");
  await bob.getByRole("button", { name: "Add" }).click();
  const panel = bob.getByRole("dialog", { name: "Add Delegated Administrator Account" });
  await panel.getByRole("radio", { name: /initech/ }).check();
  await panel.getByRole("button", { name: "OK" }).click();
  const table = bob.getByRole("table", { name: "Delegated administrator accounts" });
  await expect(table.getByRole("cell", { name: "initech", exact: true })).toBeVisible();
  await table.getByRole("button", { name: "Remove initech" }).click();
  await bob.getByRole("dialog", { name: "Warning" }).getByRole("button", { name: "Continue" }).click();
  await expect(table.getByRole("cell", { name: "initech", exact: true })).toHaveCount(0);
  // The two actions open nothing else: adding turned trusted access on, and bob cannot turn it off.
  await bob.getByRole("button", { name: "Disable trusted access" }).click();
  await expect(bob.getByRole("alert").filter({ hasText: "resourcemanager:DisableTrustedService" })).toBeVisible();
  await bob.close();
});

test("a user without permission sees neither the account's delegated services nor whether it manages a directory", async ({ page }) => {
  await signIn(page, "globex", "gus");
  await page.goto("/delegated-admin");
  await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Services you administer" })).toHaveCount(0);
  await page.goto("/resource-directory/trusted-services");
  await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toBeVisible();
  await expect(page.getByText("does not manage a resource directory")).toHaveCount(0);
});
