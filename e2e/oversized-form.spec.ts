import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("a form too large for the server is stopped in the browser with a message, and nothing is created", async ({ page }) => {
  await signIn(page, "acme");
  await page.goto("/iam/groups");
  const name = unique("huge");
  const form = page.getByRole("form", { name: "Create user group" });
  await form.getByLabel("User group name").fill(name);
  await form.getByLabel("Description").fill("x".repeat(300 * 1024));
  await form.getByRole("button", { name: "Create User Group" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "too long to send" })).toContainText("300 KB; a form may send at most 192 KB");
  await expect(page.getByText(/digest|Application error/i)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});
