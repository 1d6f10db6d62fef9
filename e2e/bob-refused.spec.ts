import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("acme/bob sees no resources, is told why, and is offered no form he could not use", async ({ page }) => {
  await signIn(page, "acme", "bob");
  await page.getByRole("link", { name: "ECS Instances" }).first().click();
  await expect(page.getByRole("alert").filter({ hasText: "Access denied" })).toContainText("ecs:instances:list");
  await expect(page.getByRole("table", { name: "ECS instances" })).toHaveCount(0);
  // The same engine that refuses the action decides what the page offers; the server refuses it regardless.
  await expect(page.getByRole("form", { name: "Create ECS instance" })).toHaveCount(0);
  await expect(page.getByText("You cannot create instances in acme. Ask an administrator of acme for the permission.")).toBeVisible();
  await expect(page.getByText("ecs:instances:create")).toBeVisible();

  await page.getByRole("link", { name: "OBS Buckets" }).first().click();
  await expect(page.getByRole("form", { name: "Create bucket" })).toHaveCount(0);
  await expect(page.getByText("You cannot create buckets in acme.", { exact: false })).toBeVisible();
});
