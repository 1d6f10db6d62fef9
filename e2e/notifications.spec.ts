import { expect, test } from "@playwright/test";
import { acmeAgencyForGlobex, signIn, switchRole } from "./helpers";

test("globex learns of an agency acme creates for it, follows it to Switch Role, and marks it read; acme learns gina switched in", async ({
  page,
  browser,
}) => {
  const { acme, agencyName } = await acmeAgencyForGlobex(browser, "note-ops");

  await signIn(page, "globex");
  // The bell counts what is unread (other specs may add more, so only that there is some).
  const bell = page.getByRole("link", { name: /^Notifications, \d+\+? unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const list = page.getByRole("list", { name: "Notifications" });
  const item = list.getByRole("listitem").filter({ hasText: `acme created the agency ${agencyName}, which trusts your account.` });
  await expect(item).toContainText("New");

  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("Notifications marked as read.")).toBeVisible();
  // The button is gone with nothing left unread: focus is on the page's heading, not lost.
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeFocused();
  await expect(item).not.toContainText("New");

  await item.getByRole("link", { name: `Switch role to ${agencyName}@acme` }).click();
  await expect(page.getByLabel("Account", { exact: true })).toHaveValue("acme");
  await expect(page.getByLabel("Agency", { exact: true })).toHaveValue(agencyName);

  // gina (Agent Operator) switches in: acme's root is told who came in, with the agency a click away.
  const gina = await browser.newPage();
  await signIn(gina, "globex", "gina");
  await switchRole(gina, "acme", agencyName);
  await expect(gina.getByLabel("Signed in as")).toHaveText(`gina@globex as ${agencyName}@acme`);
  await acme.goto("/notifications");
  const switched = acme
    .getByRole("list", { name: "Notifications" })
    .getByRole("listitem")
    .filter({ hasText: `globex/gina switched into the agency ${agencyName}.` });
  await switched.getByRole("link", { name: `View agency ${agencyName}` }).click();
  await expect(acme.getByRole("heading", { level: 1 })).toContainText(agencyName);
});

test("gus, who may not switch roles, is not told about agencies trusting globex", async ({ page, browser }) => {
  const { agencyName } = await acmeAgencyForGlobex(browser, "note-hidden");
  await signIn(page, "globex", "gus");
  await page.getByRole("link", { name: /^Notifications/ }).click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByText(agencyName)).toHaveCount(0);
});
