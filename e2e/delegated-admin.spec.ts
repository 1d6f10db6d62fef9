import { expect, test, type Page } from "@playwright/test";
import { createGroup, createUser, signIn, unique } from "./helpers";

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
  // The members offered are searched on the server as the user types; never the management account.
  await expect(panel.getByRole("radio", { name: /globex/ })).toBeVisible();
  await expect(panel.getByRole("radio", { name: /initech/ })).toBeVisible();
  await expect(panel.getByText("acme", { exact: true })).toHaveCount(0);
  await panel.getByRole("searchbox").fill("GLOB");
  await expect(panel.getByRole("radio", { name: /initech/ })).toHaveCount(0);
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
  await expect(tree.getByLabel("Account acme", { exact: true })).toBeVisible();
  await tree.getByRole("link", { name: "Folder Development", exact: true }).click();
  await expect(tree.getByLabel("Account initech", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: "Remove globex" }).click();
  const warning = page.getByRole("dialog", { name: "Warning" });
  await expect(warning).toContainText("The removal of a delegated administrator account may affect the use of the related trusted service.");
  await warning.getByRole("button", { name: "Continue" }).click();
  await expect(table.getByRole("cell", { name: "globex", exact: true })).toHaveCount(0);

  await globex.reload();
  // No longer applies to globex: said neutrally (the refusal is still audited).
  await expect(globex.getByRole("status").filter({ hasText: "Not available for this account" })).toContainText("not a delegated administrator account");
  await expect(globex.getByRole("list", { name: "Directory structure" })).toHaveCount(0);
  await globex.close();
});

test("an IAM user is refused until a custom policy with the seed's two actions is granted to her group", async ({ page, browser }) => {
  const policyName = unique("delegated-admin-operators");
  const groupName = unique("rd-operators");
  await signIn(page, "acme", "alice");
  // A user of this test's own, without any group yet, so no other spec sees a demo user gain permissions.
  const operator = await createUser(page, "rd-operator");
  const user = await browser.newPage();
  await signIn(user, "acme", operator.name, operator.password);
  await user.goto("/resource-directory/trusted-services/cloudfw");
  await expect(user.getByRole("alert").filter({ hasText: "Access denied" })).toContainText("resourcemanager:ListTrustedServiceStatus");

  await page.goto("/iam/policies/new");
  await page.getByLabel("Policy name").fill(policyName);
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
  await expect(page.getByRole("heading", { name: policyName })).toBeVisible();
  await createGroup(page, groupName, [`${policyName} (custom)`], [operator.name]);

  await openService(user, "Cloud Firewall");
  await user.getByRole("button", { name: "Add" }).click();
  const panel = user.getByRole("dialog", { name: "Add Delegated Administrator Account" });
  await panel.getByRole("radio", { name: /initech/ }).check();
  await panel.getByRole("button", { name: "OK" }).click();
  const table = user.getByRole("table", { name: "Delegated administrator accounts" });
  await expect(table.getByRole("cell", { name: "initech", exact: true })).toBeVisible();
  await table.getByRole("button", { name: "Remove initech" }).click();
  await user.getByRole("dialog", { name: "Warning" }).getByRole("button", { name: "Continue" }).click();
  await expect(table.getByRole("cell", { name: "initech", exact: true })).toHaveCount(0);
  // The two actions open nothing else: adding turned trusted access on, and the user cannot turn it off.
  await user.getByRole("button", { name: "Disable trusted access" }).click();
  await user.getByRole("dialog", { name: "Disable Trusted Access" }).getByRole("button", { name: "Disable" }).click();
  await expect(user.getByRole("alert").filter({ hasText: "resourcemanager:DisableTrustedService" })).toBeVisible();
  await user.close();
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
