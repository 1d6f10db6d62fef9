import { expect, test } from "@playwright/test";
import { createAgency, createGroup, createUser, signIn, switchRole, unique } from "./helpers";

test("a user who may only grant is told, at the field, what she cannot hand on", async ({ page, browser }) => {
  const policyName = unique("grant-only");
  const groupName = unique("granters");
  await signIn(page, "acme");

  await page.goto("/iam/policies/new");
  const policyForm = page.getByRole("form", { name: "Create Policy" });
  await policyForm.getByLabel("Policy name").fill(policyName);
  const actions = ["iam:permissions:grantRoleToGroup", "iam:groups:get", "iam:groups:list", "iam:policies:list"];
  await policyForm.getByLabel("Policy content").fill(JSON.stringify({ Version: "1.1", Statement: [{ Effect: "Allow", Action: actions }] }));
  await policyForm.getByRole("button", { name: "Create Policy" }).click();
  await expect(page.getByRole("heading", { name: policyName })).toBeVisible();

  // A user of this test's own, so no other spec sees a demo user gain permissions.
  const granter = await createUser(page, "granter");
  const groupUrl = await createGroup(page, groupName, [`${policyName} (custom)`], [granter.name]);

  const user = await browser.newPage();
  await signIn(user, "acme", granter.name, granter.password);
  await user.goto(groupUrl);
  const grant = user.getByRole("form", { name: "Grant permission" });
  await grant.getByLabel("Policy or role").selectOption({ label: "Security Administrator" });
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(
    grant.getByText(/Only the root user or a Security Administrator can hand on IAM management: "Security Administrator" allows iam:users:/),
  ).toBeVisible();
  await grant.getByLabel("Policy or role").selectOption({ label: "ECS FullAccess" });
  await grant.getByRole("button", { name: "Grant" }).click();
  await expect(
    grant.getByText('You can hand on only permissions you hold: "ECS FullAccess" (All resources) allows ecs:instances:list, which you do not hold.'),
  ).toBeVisible();
  await expect(user.getByRole("table", { name: "Permissions" }).getByRole("cell", { name: "ECS FullAccess", exact: true })).toHaveCount(0);
  // The denied attempts are in acme's audit trail, with the reason.
  await page.goto("/audit");
  const denied = page
    .getByRole("table", { name: "Audit events" })
    .getByRole("row")
    .filter({ hasText: `acme/${granter.name}` });
  await expect(denied.filter({ hasText: "iam:permissions:grantRoleToGroup" }).first()).toBeVisible();
});

test("a switched role holding all of IAM sees agencies but cannot delegate further", async ({ page, browser }) => {
  const agencyName = unique("iam-ops");
  const acme = await browser.newPage();
  await signIn(acme, "acme");
  await createAgency(acme, agencyName, "globex", /Security Administrator/, "Global services");

  await signIn(page, "globex", "gina");
  await switchRole(page, "acme", agencyName);
  await expect(page.getByLabel("Signed in as")).toHaveText(`gina@globex as ${agencyName}@acme`);
  await page.goto("/agencies");
  await expect(page.getByRole("link", { name: "Create Agency" })).toHaveCount(0);
  await expect(page.getByText("A switched role cannot manage agencies or role sessions of acme").first()).toBeVisible();
  await expect(page.getByRole("button", { name: `Delete agency ${agencyName}` })).toHaveCount(0);
  await page.getByRole("link", { name: agencyName, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "View only" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete Agency" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Edit agency" })).toHaveCount(0);
  await page.goto("/agencies/new");
  await expect(page.getByRole("alert").filter({ hasText: "A switched role cannot manage agencies" })).toBeVisible();
});
