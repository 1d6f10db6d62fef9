import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("globex never sees acme's users, groups, policies or resources, whatever URL it uses", async ({ page, browser }) => {
  // Collect acme's object URLs as alice.
  const acme = await browser.newPage();
  await signIn(acme, "acme", "alice");
  await acme.goto("/iam/groups");
  await acme.getByRole("link", { name: "admins" }).click();
  await acme.waitForURL(/\/iam\/groups\/[0-9a-f-]{36}$/);
  const groupUrl = new URL(acme.url()).pathname;
  await acme.goto("/iam/policies");
  await acme.getByRole("link", { name: "Tenant Administrator" }).click();
  await acme.waitForURL(/\/iam\/policies\/[0-9a-f-]{36}$/);
  const systemPolicyUrl = new URL(acme.url()).pathname;
  await acme.close();

  await signIn(page, "globex");
  await page.goto(groupUrl);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  // System policies are shared by every account; that is not a leak.
  await page.goto(systemPolicyUrl);
  await expect(page.getByRole("heading", { name: "Tenant Administrator" })).toBeVisible();

  await page.goto("/iam/users");
  await expect(page.getByRole("cell", { name: "gina", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "alice", exact: true })).toHaveCount(0);
  await page.goto("/resources/ecs");
  await expect(page.getByRole("cell", { name: "globex-app-01", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "web-01", exact: true })).toHaveCount(0);
  await page.goto("/resources/obs");
  await expect(page.getByRole("cell", { name: "globex-data", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "acme-logs", exact: true })).toHaveCount(0);
});
