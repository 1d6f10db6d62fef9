import { expect, test } from "@playwright/test";
import { signIn, unique } from "./helpers";

test("with slow scripts the Create Agency wizard waits, disabled, and keeps everything typed once ready", async ({ page }) => {
  await signIn(page, "acme");
  // Every script of the app arrives two seconds late, as on a slow connection.
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto("/agencies/new", { waitUntil: "commit" });
  const name = page.getByLabel("Agency Name");
  await expect(name).toBeVisible();
  await expect(name).toBeDisabled();
  await expect(name).toBeEnabled({ timeout: 30_000 });
  const agency = unique("slow");
  await name.fill(agency);
  await page.getByLabel("Delegated Account").fill("umbrella");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("region", { name: "Select Policy/Role" })).toBeVisible();
  await expect(page.getByText("Agency name is required.")).toHaveCount(0);
});
