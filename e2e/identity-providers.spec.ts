import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

const rules = (group: string) =>
  JSON.stringify([
    { local: [{ user: { name: "{0}" } }, { group: { name: group } }], remote: [{ type: "email" }, { type: "groups", any_one_of: ["cloud-admins"] }] },
  ]);

test("alice sets up an identity provider: each mistake is named at its field, then she disables, enables and deletes it", async ({ page }) => {
  const name = unique("corp-idp");
  await signIn(page, "acme", "alice");
  await page.getByRole("navigation", { name: "Console" }).first().getByRole("link", { name: "Identity Providers" }).click();
  await page.getByRole("link", { name: "Create Identity Provider" }).click();
  const form = page.getByRole("form", { name: "Create Identity Provider" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Issuer URL").fill("http://idp.example.com");
  await form.getByLabel("Client ID").fill("mandate");
  await form.getByLabel("Client secret").fill("s3cret");
  await form.getByLabel("Identity conversion rules").fill(rules("no-such-group"));
  await form.getByRole("button", { name: "Create Identity Provider" }).click();
  await expect(form.getByText("The issuer must use https")).toBeVisible();
  // What was typed stays, but the secret, which is never sent back.
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(form.getByLabel("Client secret")).toHaveValue("");

  await form.getByLabel("Issuer URL").fill("https://idp.example.com/realms/corp");
  await form.getByLabel("Client secret").fill("s3cret");
  await form.getByRole("button", { name: "Create Identity Provider" }).click();
  await expect(form.getByText('The rules name the user group "no-such-group", which does not exist in this account.')).toBeVisible();

  await form.getByLabel("Client secret").fill("s3cret");
  await form.getByLabel("Identity conversion rules").fill(rules("admins"));
  await form.getByRole("button", { name: "Create Identity Provider" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("/api/federation/callback")).toBeVisible();
  await expect(page.getByRole("region", { name: "Check these rules" })).toContainText('The rules read the claim "groups"');

  await page.getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable Identity Provider" });
  await expect(dialog).toContainText("signed out at once");
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText(`Identity provider ${name} disabled`)).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Disabled" })).toBeVisible();
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText(`Identity provider ${name} enabled.`)).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete Identity Provider" }).getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/iam\/identity-providers$/);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});
