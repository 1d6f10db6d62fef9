import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./helpers";

test("a user creates an access key, sees its secret once, deactivates and deletes it", async ({ page, browser }) => {
  const root = await browser.newPage();
  await signIn(root, "acme");
  const user = await createUser(root);
  await signIn(page, "acme", user.name, user.password);

  await page.getByRole("link", { name: "Access keys", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Access Keys", level: 1 })).toBeVisible();
  await expect(page.getByText("0 of 2 used")).toBeVisible();
  await page.getByRole("button", { name: "Create Access Key" }).click();
  const created = page.getByRole("region", { name: "New access key" });
  await expect(created).toContainText("This is the only time it is shown.");
  const accessKeyId = (await created.locator("code").first().textContent())!.trim();
  expect(accessKeyId).toMatch(/^[A-Z0-9]{20}$/);
  await expect(created.locator("code").nth(1)).not.toBeEmpty();
  const download = page.waitForEvent("download");
  await created.getByRole("button", { name: "Download .csv" }).click();
  expect((await download).suggestedFilename()).toBe(`credentials-${accessKeyId}.csv`);
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toHaveCount(0);

  // Once dismissed, the secret is nowhere on the page, and a reload does not bring it back.
  await page.reload();
  const table = page.getByRole("table", { name: `Access keys of user ${user.name}` });
  const row = table.getByRole("row").filter({ hasText: accessKeyId });
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Never" })).toBeVisible();
  await expect(page.getByText("1 of 2 used")).toBeVisible();

  await row.getByRole("button", { name: `Deactivate ${accessKeyId}` }).click();
  const deactivate = page.getByRole("dialog", { name: "Deactivate Access Key" });
  await expect(deactivate).toContainText(`Deactivate ${accessKeyId}? Requests signed with it are refused`);
  await deactivate.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Inactive", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: `Delete ${accessKeyId}` }).click();
  await page.getByRole("dialog", { name: "Delete Access Key" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(`Access key ${accessKeyId} deleted.`)).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("root manages a user's keys from the user list; at two the Create button is disabled", async ({ page }) => {
  await signIn(page, "acme");
  const user = await createUser(page);
  await page.goto("/iam/users");
  await page.getByRole("link", { name: `Access keys of ${user.name}` }).click();
  await expect(page.getByRole("heading", { name: `Access Keys of ${user.name}`, level: 1 })).toBeVisible();
  for (const used of ["1 of 2 used", "2 of 2 used"]) {
    await page.getByRole("button", { name: "Create Access Key" }).click();
    await expect(page.getByRole("region", { name: "New access key" })).toBeVisible();
    await expect(page.getByText(used)).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Create Access Key" })).toBeDisabled();
  await expect(page.getByText("2 of 2 used: delete one to create another.")).toBeVisible();
});
