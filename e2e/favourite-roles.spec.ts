import { expect, test } from "@playwright/test";
import { acmeAgencyForGlobex, signIn, switchRole, unique } from "./helpers";

test("gina pins a recent role with a name and a colour, switches through it, sees it in the top bar, and unpins it", async ({ page, browser }) => {
  const { agencyName } = await acmeAgencyForGlobex(browser, "fav-ops");
  const displayName = unique("Acme prod");

  await signIn(page, "globex", "gina");
  await switchRole(page, "acme", agencyName);
  await expect(page.getByLabel("Signed in as")).toHaveText(`gina@globex as ${agencyName}@acme`);
  await page.getByRole("button", { name: "Switch Back" }).click();
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex");

  await page.getByRole("button", { name: "Switch Role" }).click();
  const dialog = page.getByRole("dialog", { name: "Switch Role" });
  await dialog.getByRole("button", { name: `Pin ${agencyName}@acme` }).click();
  const pin = dialog.getByRole("form", { name: `Pin ${agencyName}@acme` });
  // An empty name is refused at the field and the form stays open.
  await pin.getByLabel("Display name").fill("");
  await pin.getByRole("button", { name: "Pin" }).click();
  await expect(pin.getByText("Display name is required.")).toBeVisible();
  await pin.getByLabel("Display name").fill(displayName);
  await pin.getByLabel("Green").check();
  await pin.getByRole("button", { name: "Pin" }).click();
  await expect(page.getByText(`Pinned ${displayName} to your favourite roles.`)).toBeVisible();
  await expect(pin).toHaveCount(0);
  // Focus comes back to the role's own pin button, now offering to edit the favourite.
  await expect(dialog.getByRole("button", { name: `Edit favourite ${displayName}` })).toBeFocused();

  const favourites = dialog.getByRole("list", { name: "Favourite roles" });
  await favourites.getByRole("button", { name: `Switch to ${displayName} (${agencyName}@acme)` }).click();
  await expect(page.getByLabel("Signed in as")).toHaveText(`gina@globex as ${agencyName}@acme`);
  await expect(page.getByTitle("Favourite role")).toHaveText(`Favourite role: ${displayName}`);

  // Kept on the server: a new sign-in elsewhere finds it.
  const other = await browser.newPage();
  await signIn(other, "globex", "gina");
  await other.getByRole("button", { name: "Switch Role" }).click();
  const otherFavourites = other.getByRole("dialog", { name: "Switch Role" }).getByRole("list", { name: "Favourite roles" });
  await otherFavourites.getByRole("button", { name: `Unpin ${displayName}` }).click();
  await expect(other.getByText(`Removed ${displayName} from your favourite roles.`)).toBeVisible();
  await expect(other.getByRole("button", { name: `Switch to ${displayName} (${agencyName}@acme)` })).toHaveCount(0);
});
