import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn, switchRole, unique } from "./helpers";
import { startTestIdp, type Tampering, type TestIdp } from "./support/test-idp";

// A real OpenID Provider on a loopback port, registered with the console's redirect URL.
const IDP_PORT = 3190;
const NOTHING_LISTENS = 3191;
const CLIENT = { id: "mandate-e2e", secret: "e2e-client-secret" };
const people = {
  gil: { email: "gil@globex.example", name: "Gil", groups: ["cloud-ops"] },
  hal: { email: "hal@globex.example", name: "Hal", groups: ["cloud-ops"] },
  // No email: none of the rules below can name this person.
  nomail: { name: "No Mail", groups: ["cloud-ops"] },
};
const rules = JSON.stringify([
  { local: [{ user: { name: "{0}" } }, { group: { name: "operators" } }], remote: [{ type: "email" }, { type: "groups", any_one_of: ["cloud-ops"] }] },
  { local: [{ user: { name: "{0}" } }], remote: [{ type: "email" }] },
]);

let idp: TestIdp;
let admin: Page;
const provider = unique("globex-idp");

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, baseURL }) => {
  idp = await startTestIdp({
    port: IDP_PORT,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    redirectUri: `${baseURL}/api/federation/callback`,
    people,
  });
  admin = await browser.newPage();
  await signIn(admin, "globex");
  await createProvider(admin, provider, idp.issuer, CLIENT.secret);
});
test.afterAll(async () => {
  await admin?.close();
  await idp?.close();
});
test.afterEach(() => idp.tamper(null));

/** globex's root creates a provider through the console's own form, as an administrator would. */
async function createProvider(page: Page, name: string, issuer: string, secret: string) {
  await page.goto("/iam/identity-providers/new");
  const form = page.getByRole("form", { name: "Create Identity Provider" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Issuer URL").fill(issuer);
  await form.getByLabel("Client ID").fill(CLIENT.id);
  await form.getByLabel("Client secret").fill(secret);
  await form.getByLabel("Scopes").fill("openid email profile groups");
  await form.getByLabel("Identity conversion rules").fill(rules);
  await form.getByRole("button", { name: "Create Identity Provider" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** A person in a browser of their own: from the console's sign-in page to the provider's button. */
async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  // The provider's development sign-in page imports a web font; there is no internet here.
  await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
  return context.newPage();
}

async function leaveFor(page: Page, providerName: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Sign in through your identity provider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in through your identity provider" })).toBeVisible();
  await page.getByLabel("Account name").fill("globex");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Identity providers of globex" })).toBeVisible();
  await page.getByRole("link", { name: `Sign in with ${providerName}` }).click();
}

/** At the provider: its own sign-in form (any password will do). */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function federatedUsers(): Promise<string> {
  await admin.goto("/iam/identity-providers");
  await admin.getByRole("link", { name: provider }).click();
  const table = admin.getByRole("table", { name: `Federated users of ${provider}` });
  await expect(table).toBeVisible();
  return table.innerText();
}

const refusal = (page: Page) => page.locator("main").getByRole("alert");

test("gil signs in through globex's identity provider, is placed in operators by the rules, and switches role into acme", async ({ browser }) => {
  const page = await person(browser);
  await leaveFor(page, provider);
  await signInAtProvider(page, "gil");
  await expect(page.getByRole("navigation", { name: "Console" }).first()).toBeVisible();
  // Named with its provider, so it never reads as an IAM user of the same name.
  await expect(page.getByTestId("current-identity")).toHaveText(`gil@globex.example@globex (${provider})`);

  // operators grants Agent Operator, so the federated user may switch into acme's globex-ops.
  await switchRole(page, "acme", "globex-ops");
  await expect(page.getByRole("banner")).toContainText("globex-ops");

  const users = await federatedUsers();
  expect(users).toContain("gil@globex.example");
  expect(users).toContain("gil");
  await admin.goto("/audit");
  await expect(admin.getByText(`globex/gil@globex.example (federated via ${provider})`).first()).toBeVisible();
  await page.context().close();
});

test("the provider disabled mid-session: the federated user's next request is refused", async ({ browser }) => {
  const page = await person(browser);
  await leaveFor(page, provider);
  await signInAtProvider(page, "hal");
  await expect(page.getByRole("banner")).toContainText("hal@globex.example");

  await admin.goto("/iam/identity-providers");
  await admin.getByRole("link", { name: provider }).click();
  await admin.getByRole("button", { name: "Disable" }).click();
  await admin.getByRole("dialog", { name: "Disable Identity Provider" }).getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByText(`Identity provider ${provider} disabled`)).toBeVisible();

  await page.goto("/iam/users");
  await expect(page).toHaveURL(/\/sign-in/);
  // Nor can anyone start a new sign-in through it.
  await page.goto("/sign-in/federated?account=globex");
  await expect(page.getByRole("link", { name: `Sign in with ${provider}` })).toHaveCount(0);

  await admin.getByRole("button", { name: "Enable" }).click();
  await expect(admin.getByText(`Identity provider ${provider} enabled.`)).toBeVisible();
  await page.context().close();
});

test("an expired or wrongly signed ID token, a state changed on the way back and claims no rule matches each sign nobody in, and say why", async ({
  browser,
}) => {
  const before = await federatedUsers();
  const cases: { login: string; tamper?: Tampering; message: RegExp }[] = [
    { login: "hal", tamper: "expired", message: /ID token could not be verified/ },
    { login: "hal", tamper: "wrong-key", message: /ID token could not be verified/ },
    { login: "hal", tamper: "state", message: /This sign-in could not be finished/ },
    { login: "nomail", message: /None of this provider's identity conversion rules matches your claims/ },
  ];
  for (const c of cases) {
    idp.tamper(c.tamper ?? null);
    const page = await person(browser);
    await leaveFor(page, provider);
    await signInAtProvider(page, c.login);
    await expect(page).toHaveURL(/\/sign-in\/federated\?/);
    await expect(refusal(page)).toContainText(c.message);
    await page.context().close();
  }
  idp.tamper(null);

  // Nobody new was admitted, and hal's sign-in time did not move.
  expect(await federatedUsers()).toBe(before);
});

test("a wrong client secret and an unreachable issuer are refused with a message naming what to check", async ({ browser }) => {
  const wrongSecret = unique("globex-badsecret");
  const unreachable = unique("globex-gone");
  await createProvider(admin, wrongSecret, idp.issuer, "not-the-secret");
  await createProvider(admin, unreachable, `http://127.0.0.1:${NOTHING_LISTENS}`, CLIENT.secret);

  const page = await person(browser);
  await leaveFor(page, wrongSecret);
  await signInAtProvider(page, "gil");
  await expect(refusal(page)).toContainText("refused the console's client ID or client secret");

  await leaveFor(page, unreachable);
  await expect(page).toHaveURL(/\/sign-in\/federated\?/);
  await expect(refusal(page)).toContainText("could not be reached");
  // The account stays filled in, so the person can pick another provider.
  await expect(page.getByLabel("Account name")).toHaveValue("globex");
  await page.context().close();

  for (const name of [wrongSecret, unreachable]) {
    await admin.goto("/iam/identity-providers");
    await admin.getByRole("link", { name }).click();
    await expect(admin.getByRole("table", { name: `Federated users of ${name}` })).toContainText("No one has signed in through this provider yet.");
  }
});
