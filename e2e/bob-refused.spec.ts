import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("acme/bob sees no resources and is refused, clearly, when creating one", async ({ page }) => {
  await signIn(page, "acme", "bob");
  await page.getByRole("link", { name: "ECS Instances" }).first().click();
  await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toContainText("ecs:instances:list");
  await expect(page.getByRole("table", { name: "ECS instances" })).toHaveCount(0);

  const name = unique("bob-vm");
  const form = page.getByRole("form", { name: "Create ECS instance" });
  await form.getByLabel("Instance name").fill(name);
  await form.getByLabel("Region").selectOption("cn-north-4");
  await form.getByLabel("Enterprise project").selectOption({ label: "default" });
  await form.getByRole("button", { name: "Create Instance" }).click();
  await expect(form.getByRole("alert")).toContainText("You do not have permission to perform ecs:instances:create");

  // Nothing was written: alice, who can see every instance, does not find it.
  await page.context().clearCookies();
  await signIn(page, "acme", "alice");
  await page.goto("/resources/ecs");
  await expect(page.getByRole("table", { name: "ECS instances" })).toBeVisible();
  await expect(page.getByRole("cell", { name })).toHaveCount(0);
});
