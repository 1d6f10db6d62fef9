import { expect, type Page } from "@playwright/test";

export const demo = {
  acme: "Acme-Passw0rd!",
  globex: "Globex-Passw0rd!",
  initech: "Initech-Passw0rd!",
  umbrella: "Umbrella-Passw0rd!",
  user: "Passw0rd!",
} as const;

/** Signs in through the form: `signIn(page, "acme", "alice")` as an IAM user, `signIn(page, "acme")` as root. */
export async function signIn(page: Page, account: string, user?: string, password?: string) {
  await page.goto("/sign-in");
  if (user === undefined) {
    await page.getByLabel("Account (root user)").check();
  } else {
    await page.getByLabel("IAM user", { exact: true }).check();
  }
  await page.getByLabel("Account name").fill(account);
  if (user !== undefined) await page.getByLabel("IAM user name").fill(user);
  await page.getByLabel("Password").fill(password ?? (user === undefined ? demo[account as keyof typeof demo] : demo.user));
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("navigation", { name: "Console" }).first()).toBeVisible();
}

/** A name no other test or run uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Opens the top bar's Switch Role menu and switches into `agency` of `account`. */
export async function switchRole(page: Page, account: string, agency: string) {
  await page.getByRole("button", { name: "Switch Role" }).click();
  const menu = page.getByRole("region", { name: "Switch Role" });
  await menu.getByLabel("Account").fill(account);
  await menu.getByLabel("Agency").fill(agency);
  await menu.getByRole("button", { name: "Switch Role" }).click();
}

/** Creates an agency with the Create Agency wizard (as the signed-in account) and opens its page. */
export async function createAgency(page: Page, name: string, delegatedAccount: string, policy: RegExp, scope?: string) {
  await page.goto("/agencies/new");
  await page.getByLabel("Agency Name").fill(name);
  await page.getByLabel("Delegated Account").fill(delegatedAccount);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: policy }).check();
  await page.getByRole("button", { name: "Next" }).click();
  if (scope !== undefined) await page.getByLabel(scope).check();
  await page.getByRole("button", { name: "OK" }).click();
  await page.getByRole("link", { name: "View Agency" }).click();
}
