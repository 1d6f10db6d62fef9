import { expect, test } from "@playwright/test";
import { createUser, signIn, signInChinese, unique } from "./helpers";
import { concreteUrl, consoleRoutes, redirects } from "./routes";

test.describe("a browser that asks for Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("acme's root creates an agency with Huawei's words: 创建委托, 委托名称, 委托类型, 委托的帐号, 持续时间", async ({ page }) => {
    const name = unique("zh-agency");
    await signInChinese(page, "acme");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByRole("navigation", { name: "控制台" }).first().getByRole("link", { name: "委托" }).click();
    await page.getByRole("link", { name: "创建委托" }).click();
    await expect(page.getByRole("heading", { name: "创建委托" })).toBeVisible();
    await page.getByLabel("委托名称").fill(name);
    await expect(page.getByRole("group", { name: "委托类型" }).getByLabel("普通帐号")).toBeChecked();
    await page.getByLabel("委托的帐号").fill("globex");
    await page.getByLabel("持续时间").selectOption({ label: "1天" });
    await page.getByLabel("描述").fill("跨帐号运维");
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("checkbox", { name: /OBS ReadOnlyAccess/ }).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("所有资源").check();
    await page.getByRole("button", { name: "确定" }).click();
    await expect(page.getByRole("heading", { name: "委托创建成功" })).toBeVisible();
    await page.getByRole("link", { name: "查看委托" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByText("跨帐号运维")).toBeVisible();
  });

  test("a refusal comes back in Chinese at the field, and nothing is created", async ({ page }) => {
    await signInChinese(page, "acme");
    await page.goto("/agencies/new");
    await page.getByLabel("委托名称").fill("zh-self");
    await page.getByLabel("委托的帐号").fill("acme");
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByText("不能委托给自己的账号。请输入其他账号名。")).toBeVisible();
    await page.goto("/agencies?q=zh-self");
    await expect(page.getByRole("link", { name: "zh-self", exact: true })).toHaveCount(0);
  });

  test("gina switches role into acme and back: 切换角色, 切换回原账号", async ({ page }) => {
    await signInChinese(page, "globex", "gina");
    await page.getByRole("button", { name: "切换角色" }).click();
    const menu = page.getByRole("dialog", { name: "切换角色" });
    await menu.getByLabel("账号", { exact: true }).fill("acme");
    await menu.getByLabel("委托", { exact: true }).fill("globex-ops");
    await menu.getByRole("button", { name: "切换角色" }).click();
    await expect(page.getByLabel("当前登录身份")).toHaveText("gina@globex 以 globex-ops@acme 身份");
    await page.getByRole("button", { name: "切换回原账号" }).click();
    await expect(page.getByLabel("当前登录身份")).toHaveText("gina@globex");
  });

  test("acme adds and removes a delegated administrator account: 可信服务, 管理, 添加, 移除, 继续", async ({ page }) => {
    await signInChinese(page, "acme");
    await page.getByRole("navigation", { name: "控制台" }).first().getByRole("link", { name: "可信服务" }).click();
    await expect(page.getByRole("heading", { name: "可信服务" })).toBeVisible();
    await page.getByRole("link", { name: "管理 Security Center" }).click();
    await expect(page.getByRole("heading", { name: "委派管理员账号" })).toBeVisible();
    await page.getByRole("button", { name: "添加" }).click();
    const panel = page.getByRole("dialog", { name: "添加委派管理员账号" });
    await panel.getByRole("radio", { name: /initech/ }).check();
    await panel.getByRole("button", { name: "确定" }).click();
    const table = page.getByRole("table", { name: "委派管理员账号" });
    await expect(table.getByRole("cell", { name: "initech", exact: true })).toBeVisible();
    await table.getByRole("button", { name: "移除 initech" }).click();
    const warning = page.getByRole("dialog", { name: "警告" });
    await expect(warning).toContainText("移除委派管理员账号后，可能会影响相关可信服务的使用，请谨慎操作。");
    await warning.getByRole("button", { name: "继续" }).click();
    await expect(table.getByRole("cell", { name: "initech", exact: true })).toHaveCount(0);
  });
});

test("the language switcher keeps the page, and a signed-in choice follows the user to another browser", async ({ page, browser }) => {
  // On the sign-in page: only this browser's cookie.
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await signIn(page, "acme", "alice");
  const user = await createUser(page, "zh-chooser");
  const own = await browser.newPage();
  await signIn(own, "acme", user.name, user.password);
  await own.goto("/agencies");
  await own.getByRole("button", { name: "简体中文" }).click();
  await expect(own.getByRole("heading", { level: 1, name: "委托" })).toBeVisible();
  expect(new URL(own.url()).pathname).toBe("/agencies");
  await expect(own.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");

  // A browser that asks for English and has no cookie: the saved choice wins.
  const elsewhere = await browser.newContext({ locale: "en-US" });
  const second = await elsewhere.newPage();
  await second.goto("/sign-in");
  await second.getByLabel("IAM user", { exact: true }).check();
  await second.getByLabel("Account name").fill("acme");
  await second.getByLabel("IAM user name").fill(user.name);
  await second.getByLabel("Password").fill(user.password);
  await second.getByRole("button", { name: "Sign In" }).click();
  await expect(second.getByRole("navigation", { name: "控制台" }).first()).toBeVisible();
  await elsewhere.close();
  await own.close();
});

for (const [language, locale] of [
  ["English", "en-US"],
  ["Chinese", "zh-CN"],
] as const) {
  test.describe(`layout in ${language}`, () => {
    test.use({ locale });
    for (const width of [1440, 390]) {
      test(`holds at ${width} px: no page scrolls sideways and the top bar stays in view`, async ({ page }) => {
        test.setTimeout(180_000);
        await (language === "Chinese" ? signInChinese(page, "acme") : signIn(page, "acme"));
        // On a phone the console's navigation folds into the menu: sign in first, then narrow the window.
        await page.setViewportSize({ width, height: 900 });
        // Every console page (e2e/routes.ts reads them from app/), at its demo object.
        for (const route of consoleRoutes.filter((r) => redirects[r.pattern] === undefined)) {
          const url = await concreteUrl(page, route);
          await page.goto(url);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          // What sticks out, named in the failure: the innermost elements past the right edge.
          const outside = await page.evaluate(() =>
            [...document.body.querySelectorAll("*")]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.children.length === 0)
              .filter((e) => {
                // A table that scrolls inside its own box does not move the page.
                for (let p = e.parentElement; p !== null; p = p.parentElement) if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return false;
                return true;
              })
              .slice(0, 3)
              .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 40)}"`),
          );
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${url} at ${width}px: ${outside.join(", ")}`).toBeLessThanOrEqual(0);
          const identity = await page.getByTestId("current-identity").boundingBox();
          expect(identity, url).not.toBeNull();
          expect(identity!.x + identity!.width, url).toBeLessThanOrEqual(width);
        }
      });
    }
  });
}
