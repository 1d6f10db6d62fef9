import * as OpenApi from "@alicloud/openapi-core";
import * as RM from "@alicloud/resourcemanager20200331";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./helpers";

// Playwright's loader and Vitest's resolve the package's CommonJS default export differently.
const Client = ((RM as unknown as { default: { default?: unknown } }).default.default ?? RM.default) as typeof RM.default;
const Config = OpenApi.$OpenApiUtil.Config;

/** The key shown once on the Access Keys page, read as a person would copy it. */
async function newAccessKey(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Create Access Key" }).click();
  const created = page.getByRole("region", { name: "New access key" });
  const accessKeyId = (await created.locator("code").nth(0).textContent())!.trim();
  const secret = (await created.locator("code").nth(1).textContent())!.trim();
  return { accessKeyId, secret };
}

test("a user's access key from the console drives the official Alibaba Cloud SDK against the running console", async ({ page, baseURL }) => {
  // A key of a fresh user, so the root's two keys stay free for other specs.
  await signIn(page, "acme");
  const user = await createUser(page, "api-user");
  await page.goto("/iam/users");
  await page.getByRole("link", { name: `Access keys of ${user.name}` }).click();
  const { accessKeyId, secret } = await newAccessKey(page);
  const endpoint = new URL(baseURL!).host;
  const client = new Client(new Config({ accessKeyId, accessKeySecret: secret, endpoint, protocol: "http" }));

  // The user holds no permission: the engine refuses, in the vendor's words.
  const refused = await client.listTrustedServiceStatus(new RM.ListTrustedServiceStatusRequest({})).catch((e: { code?: string; statusCode?: number }) => e);
  expect(refused).toMatchObject({ code: "NoPermission", statusCode: 403 });

  // The key was used: its page says so.
  await page.reload();
  const row = page
    .getByRole("table", { name: `Access keys of user ${user.name}` })
    .getByRole("row")
    .filter({ hasText: accessKeyId });
  await expect(row.getByRole("cell", { name: "Never" })).toHaveCount(0);

  // A wrong secret never gets that far.
  const forged = new Client(new Config({ accessKeyId, accessKeySecret: `${secret}x`, endpoint, protocol: "http" }));
  const bad = await forged.listTrustedServiceStatus(new RM.ListTrustedServiceStatusRequest({})).catch((e: { code?: string }) => e);
  expect(bad).toMatchObject({ code: "SignatureDoesNotMatch" });

  // And the console's own forms still post to / as before (the overview page answers normally).
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
