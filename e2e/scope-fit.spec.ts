import { expect, test } from "@playwright/test";
import { createGroup, signIn, unique } from "./helpers";

test("a grant offers only the scopes in which the policy can act, and says why", async ({ page }) => {
  await signIn(page, "acme");
  await createGroup(page, unique("scope-fit"), [], []);
  const grant = page.getByRole("form", { name: "Grant permission" });
  await grant.getByLabel("Policy or role").selectOption({ label: "IAM ReadOnlyAccess" });
  await expect(grant.getByLabel("Region-specific projects")).toBeDisabled();
  await expect(grant.getByLabel("Enterprise projects")).toBeDisabled();
  await expect(grant.getByText(/"IAM ReadOnlyAccess" applies to global services only/).first()).toBeVisible();
  await expect(grant.getByLabel("Global services")).toBeEnabled();
  await grant.getByLabel("Policy or role").selectOption({ label: "ECS ReadOnlyAccess" });
  await expect(grant.getByLabel("Global services")).toBeDisabled();
  await expect(grant.getByLabel("Region-specific projects")).toBeEnabled();
});

test("the Create Agency wizard grants each kind of policy in its fitting scope", async ({ page }) => {
  const name = unique("both-kinds");
  await signIn(page, "acme");
  await page.goto("/agencies/new");
  await page.getByLabel("Agency Name").fill(name);
  await page.getByLabel("Delegated Account").fill("umbrella");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: /ECS ReadOnlyAccess/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Global services")).toBeDisabled();
  await page.getByRole("button", { name: "Previous" }).click();
  await page.getByRole("checkbox", { name: /IAM ReadOnlyAccess/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Region-specific projects").check();
  await expect(page.getByText("IAM ReadOnlyAccess applies to global services and will be granted in Global services.")).toBeVisible();
  await page.getByLabel(/^cn-north-4/).check();
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("heading", { name: "Agency Created" })).toBeVisible();
  await expect(page.getByText("IAM ReadOnlyAccess (Global services)")).toBeVisible();
  await expect(page.getByText("ECS ReadOnlyAccess (Region-specific projects: cn-north-4)")).toBeVisible();
});
