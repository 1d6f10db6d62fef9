import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("acme arranges folders, invites umbrella (which accepts in its own console), moves and removes it", async ({ page, browser }) => {
  const folder = unique("Staging");
  const renamed = unique("Stage");
  await signIn(page, "acme");
  await page.getByRole("navigation", { name: "Console" }).first().getByRole("link", { name: "Members and Folders" }).click();
  const tree = page.getByRole("list", { name: "Directory structure" });
  // Root is open: its members and its subfolders; a folder opens on demand.
  await expect(tree.getByLabel("Account acme", { exact: true })).toBeVisible();
  await expect(tree.getByLabel("Account globex", { exact: true })).toHaveCount(0);
  await tree.getByRole("link", { name: "Folder Production", exact: true }).click();
  await expect(tree.getByLabel("Account globex", { exact: true })).toBeVisible();
  await expect(page.getByText("Open folder: Root / Production", { exact: true })).toBeVisible();
  await tree.getByRole("link", { name: "Folder Root", exact: true }).click();
  await expect(page.getByText("Open folder: Root", { exact: true })).toBeVisible();

  const create = page.getByRole("form", { name: "Create folder" });
  await expect(create.getByText("Created in the open folder: Root", { exact: true })).toBeVisible();
  await create.getByLabel("Folder name", { exact: true }).fill(folder);
  await create.getByRole("button", { name: "Create Folder" }).click();
  await expect(tree.getByLabel(`Folder ${folder}`, { exact: true })).toBeVisible();
  await create.getByLabel("Folder name", { exact: true }).fill(folder);
  await create.getByRole("button", { name: "Create Folder" }).click();
  await expect(create.getByText("A folder with this name already exists in the parent folder.")).toBeVisible();

  await tree.getByRole("link", { name: `Folder ${folder}`, exact: true }).click();
  const rename = page.getByRole("form", { name: `Rename folder ${folder}` });
  await rename.getByLabel(`New name for folder ${folder}`).fill(renamed);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(tree.getByLabel(`Folder ${renamed}`, { exact: true })).toBeVisible();

  const invite = page.getByRole("form", { name: "Invite account" });
  await invite.getByLabel("Account name", { exact: true }).fill("globex");
  await invite.getByRole("button", { name: "Invite Account" }).click();
  await expect(invite.getByText("The account already belongs to a resource directory.")).toBeVisible();
  await invite.getByLabel("Account name", { exact: true }).fill("umbrella");
  await invite.getByRole("button", { name: "Invite Account" }).click();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText("umbrella");

  const umbrella = await browser.newPage();
  await signIn(umbrella, "umbrella");
  await umbrella.goto("/resource-directory");
  await expect(umbrella.getByText("acme invites your account to join its resource directory.")).toBeVisible();
  await umbrella.getByRole("button", { name: "Accept" }).click();
  await expect(umbrella.getByText(/member of the resource directory managed by/)).toBeVisible();

  await tree.getByRole("link", { name: "Folder Root", exact: true }).click();
  await expect(tree.getByLabel("Account umbrella", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Details of umbrella" }).click();
  const move = page.getByRole("form", { name: "Move umbrella" });
  // Typing narrows the folders offered to the one renamed above, found on the server.
  await move.getByRole("searchbox", { name: "Find a folder by name" }).fill(renamed);
  await move
    .getByRole("group", { name: "Folder for umbrella" })
    .getByRole("radio", { name: `Root / ${renamed}`, exact: true })
    .check();
  await move.getByRole("button", { name: "Move" }).click();
  await expect(page.getByRole("definition").filter({ hasText: `Root / ${renamed}` })).toBeVisible();
  // A search finds it in its new folder.
  await page.goto("/resource-directory/structure");
  await page.getByRole("searchbox", { name: "Search member accounts by name" }).fill("UMBREL");
  await page.getByRole("button", { name: "Search" }).click();
  const results = page.getByRole("table", { name: "Member accounts matching “UMBREL”" });
  await expect(
    results
      .getByRole("row")
      .filter({ hasText: "umbrella" })
      .getByRole("cell", { name: `Root / ${renamed}` }),
  ).toBeVisible();
  await results.getByRole("link", { name: "Details of umbrella" }).click();
  await page.getByRole("button", { name: "Remove Member" }).click();
  await page.getByRole("dialog", { name: "Remove Member Account" }).getByRole("button", { name: "Remove" }).click();
  await expect(page).toHaveURL(/\/resource-directory\/structure$/);
  await expect(tree.getByLabel("Account umbrella", { exact: true })).toHaveCount(0);

  await tree.getByRole("link", { name: `Folder ${renamed}`, exact: true }).click();
  await page.getByRole("button", { name: `Delete folder ${renamed}` }).click();
  await page.getByRole("dialog", { name: "Delete Folder" }).getByRole("button", { name: "Delete" }).click();
  await expect(tree.getByLabel(`Folder ${renamed}`, { exact: true })).toHaveCount(0);

  await umbrella.reload();
  await expect(umbrella.getByRole("button", { name: "Enable Resource Directory" })).toBeVisible();
  await umbrella.close();
});
