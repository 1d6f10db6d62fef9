import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("a server action replayed from another origin is refused; from the console's own origin it runs", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await page.goto("/iam/groups");
  const form = page.getByRole("form", { name: "Create user group" });
  const name = unique("csrf");
  await form.getByLabel("User group name").fill(`${name}-a`);
  const captured = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await form.getByRole("button", { name: "Create User Group" }).click();
  const original = await captured;
  await expect(page.getByRole("heading", { name: `${name}-a` })).toBeVisible();

  const replay = (origin: string, group: string) =>
    page.request.post("/iam/groups", {
      headers: {
        "next-action": original.headers()["next-action"]!,
        "content-type": original.headers()["content-type"]!,
        accept: "text/x-component",
        origin,
      },
      data: original.postDataBuffer()!.toString("latin1").replace(`${name}-a`, group),
    });
  const evil = await replay("http://evil.example", `${name}-evil`);
  expect(evil.ok()).toBe(false);
  const same = await replay(new URL(page.url()).origin, `${name}-same`);
  expect(same.ok()).toBe(true);

  await page.goto("/iam/groups");
  await expect(page.getByRole("link", { name: `${name}-same` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${name}-evil` })).toHaveCount(0);
});
