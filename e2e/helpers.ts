import { type Browser, expect, type Page } from "@playwright/test";

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

/** Signs in through the Chinese sign-in page, by its Chinese labels. */
export async function signInChinese(page: Page, account: string, user?: string, password?: string) {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await page.getByLabel(user === undefined ? "账号（根用户）" : "IAM用户", { exact: true }).check();
  await page.getByLabel("账号名").fill(account);
  if (user !== undefined) await page.getByLabel("IAM用户名").fill(user);
  await page.getByLabel("密码").fill(password ?? (user === undefined ? demo[account as keyof typeof demo] : demo.user));
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "控制台" }).first()).toBeVisible();
}

/** A name no other test or run uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Opens the top bar's Switch Role menu and switches into `agency` of `account`. */
export async function switchRole(page: Page, account: string, agency: string) {
  await page.getByRole("button", { name: "Switch Role" }).click();
  const menu = page.getByRole("dialog", { name: "Switch Role" });
  await menu.getByLabel("Account", { exact: true }).fill(account);
  await menu.getByLabel("Agency", { exact: true }).fill(agency);
  await menu.getByRole("button", { name: "Switch Role" }).click();
}

/** Fills the Create Agency wizard's first two steps and stops at Select Scope, where OK creates the agency. */
export async function wizardToScope(page: Page, name: string, delegatedAccount: string, policies: RegExp[], validity?: string) {
  await page.goto("/agencies/new");
  await page.getByLabel("Agency Name").fill(name);
  await page.getByLabel("Delegated Account").fill(delegatedAccount);
  if (validity !== undefined) await page.getByLabel("Validity Period").selectOption({ label: validity });
  await page.getByRole("button", { name: "Next" }).click();
  for (const policy of policies) await page.getByRole("checkbox", { name: policy }).check();
  await page.getByRole("button", { name: "Next" }).click();
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

/**
 * Creates an IAM user with the Users page (as the signed-in root or administrator) and returns its name and
 * password, so a spec signs in as a user of its own instead of changing a demo user.
 */
/** acme's root, in a page of its own, creates an agency (ECS FullAccess) trusting globex: the page and the agency's name. */
export async function acmeAgencyForGlobex(browser: Browser, prefix: string): Promise<{ acme: Page; agencyName: string }> {
  const agencyName = unique(prefix);
  const acme = await browser.newPage();
  await signIn(acme, "acme");
  await createAgency(acme, agencyName, "globex", /ECS FullAccess/);
  return { acme, agencyName };
}

export async function createUser(page: Page, prefix = "e2e-user"): Promise<{ name: string; password: string }> {
  const name = unique(prefix);
  const password = "Str0ng-pass";
  await page.goto("/iam/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("User name").fill(name);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByLabel("Confirm password").fill(password);
  await form.getByRole("button", { name: "Create User" }).click();
  await expect(form.getByRole("status")).toHaveText(`User ${name} created.`);
  return { name, password };
}

/**
 * Creates a user group (as the signed-in root or administrator), grants it `policies` (option labels of the
 * Grant form, on the form's default scope) and adds `users`; leaves the group's page open and returns its URL.
 */
export async function createGroup(page: Page, name: string, policies: string[], users: string[]): Promise<string> {
  await page.goto("/iam/groups");
  const create = page.getByRole("form", { name: "Create user group" });
  await create.getByLabel("User group name").fill(name);
  await create.getByRole("button", { name: "Create User Group" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const grant = page.getByRole("form", { name: "Grant permission" });
  for (const policy of policies) {
    await grant.getByLabel("Policy or role").selectOption({ label: policy });
    await grant.getByRole("button", { name: "Grant" }).click();
    await expect(page.getByRole("table", { name: "Permissions" }).getByRole("cell", { name: policy.replace(/ \(custom\)$/, ""), exact: true })).toBeVisible();
  }
  const add = page.getByRole("form", { name: "Add user to group" });
  for (const user of users) {
    await add.getByLabel("User").selectOption({ label: user });
    await add.getByRole("button", { name: "Add User" }).click();
    await expect(page.getByRole("table", { name: "Users in this group" }).getByRole("cell", { name: user, exact: true })).toBeVisible();
  }
  return page.url();
}
