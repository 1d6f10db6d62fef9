import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("acme edits an agency's validity and permissions, then deletes it", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await page.goto("/agencies/new");
  const name = `edit-${Date.now().toString(36)}`;
  await page.getByLabel("Agency Name").fill(name);
  await page.getByLabel("Cloud service").check();
  await page.getByLabel("Cloud Service", { exact: true }).selectOption("CTS");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: /OBS ReadOnlyAccess/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "OK" }).click();
  await page.getByRole("link", { name: "View Agency" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  const info = page.getByRole("region", { name: "Basic Information" });
  await expect(info.getByText("Unlimited")).toBeVisible();
  // Modify opens the form in a dialog rather than filling the page.
  await page.getByRole("button", { name: "Modify" }).click();
  const modify = page.getByRole("dialog", { name: "Modify Agency" });
  const edit = modify.getByRole("form", { name: "Edit agency" });
  await edit.getByLabel("Validity Period").selectOption({ label: "One day" });
  await edit.getByLabel("Description").fill("Trace delivery");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toHaveText("Agency saved.");
  await modify.getByRole("button", { name: "Close" }).click();
  await expect(info.getByText(/^Expires /)).toBeVisible();

  const permissions = page.getByRole("table", { name: "Permissions" });
  await permissions.getByRole("button", { name: "Remove OBS ReadOnlyAccess" }).click();
  const removal = page.getByRole("dialog", { name: "Remove Permission" });
  await expect(removal).toContainText(`Remove OBS ReadOnlyAccess (All resources) from agency ${name}?`);
  await removal.getByRole("button", { name: "Remove" }).click();
  await expect(removal.getByRole("alert")).toContainText("at least one permission");
  await removal.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Add Permissions" }).click();
  const adding = page.getByRole("dialog", { name: "Add Permissions" });
  const add = adding.getByRole("form", { name: "Add permissions" });
  await add.getByRole("checkbox", { name: /ECS ReadOnlyAccess/ }).check();
  await add.getByLabel("Enterprise projects").check();
  await add.getByLabel("payments").check();
  await add.getByRole("button", { name: "Add Permissions" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added ECS ReadOnlyAccess to agency ${name}.`);
  await adding.getByRole("button", { name: "Close" }).click();
  await expect(permissions.getByRole("cell", { name: "Enterprise projects: payments" })).toBeVisible();
  await permissions.getByRole("button", { name: "Remove OBS ReadOnlyAccess" }).click();
  await page.getByRole("dialog", { name: "Remove Permission" }).getByRole("button", { name: "Remove" }).click();
  await expect(permissions.getByRole("cell", { name: "OBS ReadOnlyAccess" })).toHaveCount(0);

  await page.getByRole("button", { name: "Delete Agency" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Agency" });
  await expect(dialog).toContainText("every session that uses it ends");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/agencies$/);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("an agency's page is in headed sections, each reachable from the links at its top", async ({ page }) => {
  await signIn(page, "acme");
  await page.goto("/agencies");
  await page.getByRole("link", { name: "globex-ops", exact: true }).click();
  const sections = page.getByRole("navigation", { name: "Sections of this agency" });
  for (const name of ["Basic Information", "Switch role link", "Permissions", "Active Sessions"]) {
    await expect(page.getByRole("region", { name })).toBeVisible();
    await sections.getByRole("link", { name }).click();
    await expect(page.getByRole("region", { name })).toBeInViewport();
  }
  // Add Permissions belongs to its section and opens as a dialog rather than filling the page.
  await page.getByRole("region", { name: "Permissions" }).getByRole("button", { name: "Add Permissions" }).click();
  await expect(page.getByRole("dialog", { name: "Add Permissions" })).toBeVisible();
});
