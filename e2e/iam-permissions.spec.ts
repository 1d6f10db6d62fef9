import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("alice creates a user and a group with a region-scoped policy; the user sees only that region", async ({ page, browser }) => {
  const userName = unique("u");
  const groupName = unique("ecs-readers");
  await signIn(page, "acme", "alice");

  await page.goto("/iam/users");
  const createUser = page.getByRole("form", { name: "Create user" });
  await createUser.getByLabel("User name").fill(userName);
  await createUser.getByLabel("Password", { exact: true }).fill("Str0ng-pass");
  await createUser.getByLabel("Confirm password").fill("Str0ng-pass");
  await createUser.getByRole("button", { name: "Create User" }).click();
  await expect(createUser.getByRole("status")).toHaveText(`User ${userName} created.`);
  await expect(page.getByRole("cell", { name: userName, exact: true })).toBeVisible();

  await page.goto("/iam/groups");
  const createGroup = page.getByRole("form", { name: "Create user group" });
  await createGroup.getByLabel("User group name").fill(groupName);
  await createGroup.getByRole("button", { name: "Create User Group" }).click();
  await expect(page.getByRole("heading", { name: groupName })).toBeVisible();

  const grant = page.getByRole("form", { name: "Grant permission" });
  await grant.getByLabel("Policy or role").selectOption({ label: "ECS ReadOnlyAccess" });
  await grant.getByLabel("Region-specific projects").check();
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(grant.getByText("Select at least one region.")).toBeVisible();
  await grant.getByLabel(/^cn-north-4/).check();
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByRole("table", { name: "Permissions" }).getByRole("cell", { name: "Region-specific projects: cn-north-4" })).toBeVisible();

  const addUser = page.getByRole("form", { name: "Add user to group" });
  await addUser.getByLabel("User").selectOption({ label: userName });
  await addUser.getByRole("button", { name: "Add User" }).click();
  await expect(page.getByRole("table", { name: "Users in this group" }).getByRole("cell", { name: userName, exact: true })).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, "acme", userName, "Str0ng-pass");
  await other.goto("/resources/ecs");
  const table = other.getByRole("table", { name: "ECS instances" });
  await expect(table.getByRole("cell", { name: "web-01", exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: "pay-api-01", exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: "web-02", exact: true })).toHaveCount(0);
  await expect(table.getByRole("cell", { name: "pay-batch-01", exact: true })).toHaveCount(0);
  // Read-only: the page offers no change it would refuse (the server refuses regardless: tests/integration/authorization-matrix.test.ts).
  await expect(table.getByRole("button", { name: "Stop web-01" })).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: "web-01" })).toContainText("View only");
  await expect(other.getByRole("form", { name: "Create ECS instance" })).toHaveCount(0);
  await expect(other.getByText("You cannot create instances in acme.")).toBeVisible();
  await other.close();
});

test("bad input gets a message at the field and nothing is written", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await page.goto("/iam/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByRole("button", { name: "Create User" }).click();
  await expect(form.getByText("User name is required.")).toBeVisible();
  await form.getByLabel("User name").fill("bad name!");
  await form.getByLabel("Password", { exact: true }).fill("short");
  await form.getByRole("button", { name: "Create User" }).click();
  await expect(form.getByText(/User name must start with a letter and contain only/)).toBeVisible();
  await expect(form.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(form.getByLabel("User name")).toHaveValue("bad name!");
  await expect(page.getByRole("cell", { name: "bad name!" })).toHaveCount(0);
});

test("a malformed custom policy is reported with its position and not saved", async ({ page }) => {
  const name = unique("policy");
  await signIn(page, "acme", "alice");
  await page.goto("/iam/policies");
  await page.getByRole("link", { name: "Create Custom Policy" }).click();
  await page.getByLabel("Policy name").fill(name);
  await page.getByLabel("Policy content").fill('{\n  "Version": "1.1",\n  "Statement": [{"Effect": "Allow", "Action": ["ecs:*:*"],}]\n}');
  await page.getByRole("button", { name: "Create Policy" }).click();
  await expect(page.getByText(/Invalid JSON at line 3, column \d+: expected a property name/)).toBeVisible();
  await page.getByLabel("Policy content").fill('{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:instances:list"]}]}');
  await page.getByRole("button", { name: "Create Policy" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.goto("/iam/policies");
  await expect(page.getByRole("link", { name })).toBeVisible();
});
