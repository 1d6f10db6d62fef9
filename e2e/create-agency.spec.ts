import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("acme's root creates an agency for umbrella through the wizard, as in the seed", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = unique("umbrella-ecs");
  await signIn(page, "acme");
  await page.getByRole("navigation", { name: "Console" }).first().getByRole("link", { name: "Agencies" }).click();
  await page.getByRole("link", { name: "Create Agency" }).click();

  await expect(page.getByRole("listitem").filter({ hasText: "1. Basic Information" })).toHaveAttribute("aria-current", "step");
  await page.getByLabel("Agency Name").fill(name);
  await page.getByLabel("Account", { exact: true }).check();
  await page.getByLabel("Delegated Account").fill("umbrella");
  await page.getByLabel("Validity Period").selectOption({ label: "One day" });
  await page.getByLabel("Description").fill("Umbrella reads our servers");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("region", { name: "Select Policy/Role" })).toBeVisible();
  await page.getByLabel("Search policies and roles").fill("ECS Read");
  await page.getByRole("checkbox", { name: /ECS ReadOnlyAccess/ }).check();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("region", { name: "Select Scope" })).toBeVisible();
  await page.getByLabel("Region-specific projects").check();
  await page.getByLabel(/^cn-north-4/).check();
  await page.getByRole("button", { name: "OK" }).click();

  await expect(page.getByRole("heading", { name: "Agency Created" })).toBeVisible();
  const handover = page.getByRole("definition");
  await expect(handover.nth(0)).toHaveText("acme");
  await expect(handover.nth(1)).toHaveText(name);
  await expect(handover.nth(2)).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(handover.nth(3)).toHaveText("ECS ReadOnlyAccess (Region-specific projects: cn-north-4)");
  const agencyId = await handover.nth(2).textContent();
  await page.getByRole("button", { name: "Copy details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`Agency ID: ${agencyId}`);

  await page.getByRole("link", { name: "Back to Agency List" }).click();
  await page.getByRole("searchbox", { name: "Search by agency name" }).fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(4)).toHaveText("umbrella");
  // One day: expiring within a week, with its date and the time left.
  await expect(row.getByRole("cell").nth(5)).toHaveText(/^Expiring soonExpires [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M \(in 2[34] hours\)$/);
});

test("Previous keeps what was entered; bad input is reported at the field", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await page.goto("/agencies/new");
  await page.getByLabel("Agency Name").fill("globex-ops");
  await page.getByLabel("Delegated Account").fill("globex/gina");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("The delegated party must be an account, not an IAM user or a federated user.", { exact: false })).toBeVisible();
  await page.getByLabel("Delegated Account").fill("acme");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("You cannot delegate to your own account.", { exact: false })).toBeVisible();
  await page.getByLabel("Delegated Account").fill("initech");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("An agency with this name already exists in this account.")).toBeVisible();

  const name = unique("kept");
  await page.getByLabel("Agency Name").fill(name);
  await page.getByLabel("Validity Period").selectOption({ label: "Custom" });
  await page.getByLabel("Days").fill("400");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Enter a whole number of days from 1 to 365.")).toBeVisible();
  await page.getByLabel("Days").fill("30");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Select at least one policy or role.")).toBeVisible();
  await page.getByRole("checkbox", { name: /Security Administrator/ }).check();
  await expect(page.getByRole("status").filter({ hasText: "principle of least privilege" })).toBeVisible();
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page.getByLabel("Agency Name")).toHaveValue(name);
  await expect(page.getByLabel("Delegated Account")).toHaveValue("initech");
  await expect(page.getByLabel("Days")).toHaveValue("30");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("checkbox", { name: /Security Administrator/ })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Global services").check();
  await page.getByRole("button", { name: "Previous" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Global services")).toBeChecked();
  // Everything in words before OK: the party, the permission in its scope, the expiry, and the warnings.
  const review = page.getByRole("region", { name: "Review" });
  await expect(review).toContainText("Account initech");
  await expect(review).toContainText("Security Administrator (Global services)");
  await expect(review).toContainText(/Expires\s*[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M/);
  await expect(review.getByRole("status").filter({ hasText: "Least privilege" })).toContainText(
    "Security Administrator is attached: the delegated party can manage IAM",
  );
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("heading", { name: "Agency Created" })).toBeVisible();
  await expect(page.getByRole("definition").nth(3)).toHaveText("Security Administrator (Global services)");
  await expect(page.getByRole("status").filter({ hasText: "Least privilege" })).toContainText("Security Administrator is attached");
});

test("acme/bob is refused clearly and no agency is made", async ({ page }) => {
  await signIn(page, "acme", "bob");
  await page.goto("/agencies");
  await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toContainText("iam:agencies:list");
  // Refused on arrival, with whom to ask: the wizard is not offered to fill in for nothing.
  await page.goto("/agencies/new");
  const refusal = page.getByRole("alert").filter({ hasText: "Access denied" });
  await expect(refusal).toContainText("iam:agencies:create");
  await expect(refusal).toContainText("Ask an administrator of acme for");
  await expect(page.getByLabel("Agency Name")).toHaveCount(0);
});
