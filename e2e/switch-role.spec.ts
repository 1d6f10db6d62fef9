import { expect, test } from "@playwright/test";
import { acmeAgencyForGlobex, signIn, switchRole, unique } from "./helpers";

test("gina switches into acme through globex-ops, manages ECS, is refused on IAM, and switches back", async ({ page }) => {
  await signIn(page, "globex", "gina");
  await switchRole(page, "acme", "globex-ops");
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex as globex-ops@acme");
  await expect(page.getByLabel("Role expiry")).toHaveText("No expiry");
  // The Overview names who acts through what, not the root user of the account.
  await expect(page.getByRole("definition").filter({ hasText: "gina (globex) as globex-ops@acme" })).toContainText("The agency does not expire");

  await page.getByRole("navigation", { name: "Console" }).first().getByRole("link", { name: "ECS Instances" }).click();
  const table = page.getByRole("table", { name: "ECS instances" });
  await expect(table.getByRole("cell", { name: "web-01", exact: true })).toBeVisible();
  // Her own instance, so stopping it does not disturb other specs that use the demo fleet.
  const name = unique("gina-vm");
  const form = page.getByRole("form", { name: "Create ECS instance" });
  await form.getByLabel("Instance name").fill(name);
  await form.getByLabel("Region").selectOption("cn-north-4");
  await form.getByLabel("Enterprise project").selectOption({ label: "default" });
  await form.getByRole("button", { name: "Create Instance" }).click();
  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row.getByRole("cell", { name: "Running" })).toBeVisible();
  await row.getByRole("button", { name: `Stop ${name}` }).click();
  const stop = page.getByRole("dialog", { name: "Stop Instance" });
  await expect(stop).toContainText(`Stop ${name} (cn-north-4)?`);
  await stop.getByRole("button", { name: "Stop" }).click();
  await expect(row.getByRole("cell", { name: "Stopped" })).toBeVisible();

  for (const url of ["/iam/users", "/iam/groups", "/agencies"]) {
    await page.goto(url);
    await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toBeVisible();
  }

  await page.getByRole("button", { name: "Switch Back" }).click();
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex");
  await page.goto("/resources/ecs");
  await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toBeVisible();

  // The role is now among her recent roles, one click away.
  await page.getByRole("button", { name: "Switch Role" }).click();
  await page.getByRole("list", { name: "Recent roles" }).getByRole("button", { name: "globex-ops@acme", exact: true }).click();
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex as globex-ops@acme");
});

test("acme deletes the agency while gina is switched in: her next click is refused and she is back home", async ({ page, browser }) => {
  const { acme, agencyName } = await acmeAgencyForGlobex(browser, "temp-ops");

  await signIn(page, "globex", "gina");
  await switchRole(page, "acme", agencyName);
  await expect(page.getByLabel("Signed in as")).toHaveText(`gina@globex as ${agencyName}@acme`);
  await page.goto("/resources/ecs");
  await expect(page.getByRole("button", { name: "Stop web-01" })).toBeVisible();

  await acme.reload();
  await expect(acme.getByRole("table", { name: "Active sessions" }).getByRole("cell", { name: "gina@globex", exact: true })).toBeVisible();
  await acme.getByRole("button", { name: "Delete Agency" }).click();
  await acme.getByRole("dialog", { name: "Delete Agency" }).getByRole("button", { name: "Delete" }).click();
  await expect(acme).toHaveURL(/\/agencies$/);

  await page.getByRole("button", { name: "Stop web-01" }).click();
  await page.getByRole("dialog", { name: "Stop Instance" }).getByRole("button", { name: "Stop" }).click();
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex");
  const notice = page.getByRole("status").filter({ hasText: "Role ended" });
  await expect(notice).toContainText(`Your role session as ${agencyName}@acme has ended: the agency was deleted.`);
  await page.goto("/resources/ecs");
  await expect(page.getByRole("cell", { name: "web-01", exact: true })).toHaveCount(0);
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  // The refused click changed nothing in acme.
  await acme.goto("/resources/ecs");
  await expect(acme.getByRole("row").filter({ hasText: "web-01" }).getByRole("cell", { name: "Running" })).toBeVisible();
  await acme.close();
});

test("the expired old-audit cannot be switched into, and globex/gus is refused", async ({ page, browser }) => {
  await signIn(page, "globex", "gina");
  await switchRole(page, "acme", "old-audit");
  const menu = page.getByRole("dialog", { name: "Switch Role" });
  await expect(menu.getByText("The agency does not exist, has expired, or does not trust your account.")).toBeVisible();
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex");

  const gus = await browser.newPage();
  await signIn(gus, "globex", "gus");
  await switchRole(gus, "acme", "globex-ops");
  await expect(gus.getByRole("dialog", { name: "Switch Role" }).getByRole("alert")).toContainText("iam:agencies:assume");
  await expect(gus.getByLabel("Signed in as")).toHaveText("gus@globex");
  await gus.close();
});

test("Switch Role is a dialog: Esc closes it and focus returns; after a refusal the values stay", async ({ page }) => {
  await signIn(page, "globex", "gina");
  const trigger = page.getByRole("button", { name: "Switch Role" });
  await trigger.click();
  const dialog = page.getByRole("dialog", { name: "Switch Role" });
  await expect(dialog.getByLabel("Account", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();

  await trigger.click();
  await dialog.getByLabel("Account", { exact: true }).fill("acme");
  await dialog.getByLabel("Agency", { exact: true }).fill("no-such-agency");
  await dialog.getByRole("button", { name: "Switch Role" }).click();
  await expect(dialog.getByText("The agency does not exist, has expired, or does not trust your account.")).toBeVisible();
  await expect(dialog.getByLabel("Account", { exact: true })).toHaveValue("acme");
  await expect(dialog.getByLabel("Agency", { exact: true })).toHaveValue("no-such-agency");
  // A suggestion fills the agency in one click.
  await dialog.getByRole("list", { name: "Suggested agencies" }).getByRole("button", { name: "globex-ops" }).click();
  await expect(dialog.getByLabel("Agency", { exact: true })).toHaveValue("globex-ops");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
});

test("on a phone the dialog is a full-width sheet inside the screen", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "globex", "gina");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Switch Role" }).click();
  const box = await page.getByRole("dialog", { name: "Switch Role" }).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.width).toBeGreaterThanOrEqual(380);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  await context.close();
});

test("the agency page shares a link that opens Switch Role filled in", async ({ page, browser }) => {
  const acme = await browser.newPage();
  await signIn(acme, "acme");
  await acme.goto("/agencies");
  await acme.getByRole("link", { name: "globex-ops", exact: true }).click();
  const panel = acme.getByRole("region", { name: "Switch role link" });
  await expect(panel).toContainText("/switch-role?account=acme&agency=globex-ops");
  const link = await panel.locator("code").textContent();
  await acme.close();

  await signIn(page, "globex", "gina");
  await page.goto(link!);
  const form = page.getByRole("form", { name: "Switch role" });
  await expect(form.getByLabel("Account")).toHaveValue("acme");
  await expect(form.getByLabel("Agency")).toHaveValue("globex-ops");
  await form.getByRole("button", { name: "Switch Role" }).click();
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex as globex-ops@acme");
});
