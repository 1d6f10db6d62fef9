import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn, switchRole, unique } from "./helpers";

test("acme finds gina's stop through globex-ops in the audit trail and exports it", async ({ page, browser }) => {
  const name = unique("audited-vm");
  const gina = await browser.newPage();
  await signIn(gina, "globex", "gina");
  await switchRole(gina, "acme", "globex-ops");
  await expect(gina.getByLabel("Signed in as")).toHaveText("gina@globex as globex-ops@acme");
  await gina.goto("/resources/ecs");
  const form = gina.getByRole("form", { name: "Create ECS instance" });
  await form.getByLabel("Instance name").fill(name);
  await form.getByLabel("Region").selectOption("cn-north-4");
  await form.getByLabel("Enterprise project").selectOption({ label: "default" });
  await form.getByRole("button", { name: "Create Instance" }).click();
  await gina.getByRole("button", { name: `Stop ${name}` }).click();
  await gina.getByRole("dialog", { name: "Stop Instance" }).getByRole("button", { name: "Stop" }).click();
  await expect(gina.getByRole("row").filter({ hasText: name }).getByRole("cell", { name: "Stopped" })).toBeVisible();
  await gina.close();

  await signIn(page, "acme");
  await page.getByRole("navigation", { name: "Console" }).first().getByRole("link", { name: "Audit Trail" }).click();
  const filters = page.getByRole("search", { name: "Filter events" });
  await filters.getByLabel("Agency").fill("globex-ops");
  await filters.getByLabel(/^Action/).fill("ecs:instances:stop");
  await filters.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: "globex/gina" })).toBeVisible();
  await expect(row.getByRole("cell", { name: "globex-ops" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("form", { name: "Export events" }).getByRole("button", { name: "Export CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  expect(csv.startsWith("\uFEFF"), "a UTF-8 byte-order mark for spreadsheet programs").toBe(true);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("id,time,account_id,actor,actor_account_id,actor_user_id,agency_id,agency_name,action,target,decision,detail");
  const exported = lines.find((l) => l.includes(`ECS instance ${name}`));
  expect(exported).toContain("globex/gina");
  expect(exported).toContain("globex-ops");
  expect(exported).toContain("ecs:instances:stop");

  await row.getByRole("link", { name: /View event/ }).click();
  await expect(page.getByRole("heading", { name: `ecs:instances:stop on ECS instance ${name}` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText(/^Audit Trail \/ Event \d+$/);
  await expect(page.getByRole("definition").filter({ hasText: /^globex-ops \(/ })).toBeVisible();
});

test("bad filters get a message at the field", async ({ page }) => {
  await signIn(page, "acme", "alice");
  await page.goto("/audit?from=2026-11-23T10:00&to=2026-11-22T10:00");
  await expect(page.getByText("From must be before To.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit events" })).toHaveCount(0);
});

test("a NUL byte in a filter gets a message at the field, not a server error", async ({ page }) => {
  await signIn(page, "acme", "alice");
  const response = await page.goto("/audit?actor=acme%00x");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Actor must not contain control characters.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit events" })).toHaveCount(0);
});

test("exporting is a same-origin POST: a link or another site's form cannot cause it", async ({ page }) => {
  await signIn(page, "acme", "alice");
  expect((await page.request.get("/api/audit/export?format=csv")).status()).toBe(405);
  const foreign = await page.request.post("/api/audit/export", {
    form: { format: "csv" },
    headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("Export refused");
});

test("the access overview shows findings both ways, and the simulator explains a decision", async ({ page }) => {
  await signIn(page, "acme");
  await page.getByRole("navigation", { name: "Console" }).first().getByRole("link", { name: "Access Overview" }).click();
  await expect(page.getByRole("list", { name: "Findings for globex-ops" })).toContainText("Full access: ECS FullAccess.");
  await expect(page.getByRole("list", { name: "Findings for globex-ops" })).toContainText("Unlimited validity");
  await expect(page.getByRole("list", { name: "Findings for old-audit" })).toContainText("Expired but still present");

  await page.goto("/iam/simulator");
  await page.getByLabel("Principal").selectOption({ label: "Agency globex-ops" });
  await page.getByLabel("Action").fill("ecs:instances:stop");
  await page.getByLabel("Region").selectOption("cn-north-4");
  await page.getByRole("button", { name: "Simulate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Allow" })).toContainText('statement 1 of "ECS FullAccess" (agency globex-ops)');
  await page.getByLabel("Action").fill("iam:users:create");
  await page.getByLabel("Region").selectOption("");
  await page.getByRole("button", { name: "Simulate" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Implicit deny" })).toBeVisible();

  const gina = await page.context().browser()!.newPage();
  await signIn(gina, "globex", "gina");
  await gina.goto("/access");
  const out = gina.getByRole("table", { name: "Agencies that trust this account" });
  await expect(out.getByRole("row").filter({ hasText: "old-audit" }).getByRole("button")).toHaveCount(0);
  await out.getByRole("button", { name: "Switch role to globex-ops@acme" }).click();
  await expect(gina.getByLabel("Signed in as")).toHaveText("gina@globex as globex-ops@acme");
  await gina.close();
});
