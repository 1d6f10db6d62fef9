/**
 * Two servers (`node scripts/server.mjs`, as `npm start` runs it) on one PostgreSQL schema, started
 * together, must behave as one console: what one ends, the other refuses; sign-in throttling counts
 * attempts at both; the delegated administrator maximum holds across both; each drains on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import * as OpenApi from "@alicloud/openapi-core";
import * as RM from "@alicloud/resourcemanager20200331";
import pg from "pg";
import { demo, signIn, switchRole } from "./helpers";

const url = process.env.TEST_DATABASE_URL;
const schema = `servers_${randomBytes(5).toString("hex")}`;
const ports = [3211, 3212] as const;
const base = (port: number) => `http://localhost:${port}`;
const servers = new Map<number, ChildProcess>();
// Playwright's loader and Vitest's resolve the package's CommonJS default export differently.
const Client = ((RM as unknown as { default: { default?: unknown } }).default.default ?? RM.default) as typeof RM.default;

test.describe.configure({ mode: "serial" });
test.skip(url === undefined, "needs TEST_DATABASE_URL (a PostgreSQL database); .ci/run sets it");

function start(port: number): ChildProcess {
  const child = spawn("node", ["scripts/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      NEXTAUTH_URL: base(port),
      // Every server of one console shares these two (README, "Running several servers").
      NEXTAUTH_SECRET: "several-servers-test-secret-0123456789abcdef",
      MANDATE_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  servers.set(port, child);
  return child;
}

async function healthy(port: number, within = 120_000): Promise<void> {
  const end = Date.now() + within;
  while (Date.now() < end) {
    const status = await fetch(`${base(port)}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server on ${port} did not become healthy`);
}

/** A cookie jar per signed-in person: cookies are shared by host, whichever port answers. */
class Person {
  cookies = new Map<string, string>();
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  keep(response: Response) {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }
  async fetch(port: number, path: string, init: RequestInit = {}) {
    return this.keep(await fetch(`${base(port)}${path}`, { ...init, redirect: "manual", headers: { ...init.headers, cookie: this.header() } }));
  }
  /** next-auth's form posts, as the console's own sign-in page sends them; null on success, else the error. */
  async post(port: number, path: string, fields: Record<string, string>): Promise<string | null> {
    const { csrfToken } = (await (await this.fetch(port, "/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch(port, path, {
      method: "POST",
      body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    });
    const { url: to } = (await response.json()) as { url: string };
    return new URL(to, base(port)).searchParams.get("error");
  }
  signIn = (port: number, account: string, user: string, password: string) => this.post(port, "/api/auth/callback/credentials", { account, user, password });
  signOut = (port: number) => this.post(port, "/api/auth/signout", {});
  status = async (port: number) => {
    const response = await this.fetch(port, "/api/role/status");
    return { code: response.status, ...((await response.json()) as { signedIn: boolean; switched?: boolean }) };
  };
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Started together: the migrations and the demo world are written once, under the advisory lock.
  for (const port of ports) start(port);
  await Promise.all(ports.map((port) => healthy(port)));
});

test.afterAll(async () => {
  for (const child of servers.values()) child.kill("SIGKILL");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
});

test("each server reports itself healthy, with no session and no detail", async () => {
  for (const port of ports) {
    const response = await fetch(`${base(port)}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.json()).toEqual({ status: "ok" });
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const applied = await admin.query(`select count(*)::int as n from "${schema}".__drizzle_migrations`);
  const acme = await admin.query(`select count(*)::int as n from "${schema}".accounts where name = 'acme'`);
  await admin.end();
  expect(applied.rows[0].n).toBeGreaterThan(0);
  expect(acme.rows[0].n).toBe(1);
});

test("a sign-in ended through one server is refused on the next request through the other", async () => {
  const alice = new Person();
  expect(await alice.signIn(ports[0], "acme", "alice", demo.user)).toBeNull();
  expect(await alice.status(ports[1])).toMatchObject({ code: 200, signedIn: true });
  const kept = alice.header();
  expect(await alice.signOut(ports[0])).toBeNull();
  // The cookie as it was before signing out, replayed against the other server.
  const replay = await fetch(`${base(ports[1])}/api/role/status`, { headers: { cookie: kept } });
  expect(replay.status).toBe(401);
});

test("a role session ended through one server is over on the next request through the other", async ({ browser }) => {
  const page = await browser.newPage({ baseURL: base(ports[0]) });
  await signIn(page, "globex", "gina");
  await switchRole(page, "acme", "globex-ops");
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex as globex-ops@acme");
  const onOther = page.context().request;
  expect(await (await onOther.get(`${base(ports[1])}/api/role/status`)).json()).toMatchObject({ signedIn: true, switched: true });
  await page.getByRole("button", { name: "Switch Back" }).click();
  await expect(page.getByLabel("Signed in as")).toHaveText("gina@globex");
  expect(await (await onOther.get(`${base(ports[1])}/api/role/status`)).json()).toMatchObject({ signedIn: true, switched: false });
  await page.close();
});

test("sign-in throttling counts the failures that arrive at both servers", async () => {
  const attacker = new Person();
  // Five failures in a row are free for an (account, address) pair; they alternate between servers.
  for (let i = 0; i < 5; i++) expect(await attacker.signIn(ports[i % 2]!, "umbrella", "", "Wrong-Passw0rd!")).toBe("CredentialsSignin");
  const sixth = await attacker.signIn(ports[1], "umbrella", "", "Wrong-Passw0rd!");
  expect(sixth).toMatch(/^errors\.signIn\.throttled/);
  // The right password waits too, whichever server it goes to.
  expect(await attacker.signIn(ports[0], "umbrella", "", demo.umbrella)).toMatch(/^errors\.signIn\.throttled/);
});

/** Runs SQL in the servers' schema. */
async function query(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

test("the delegated administrator maximum holds when 20 registrations are spread across both servers", async ({ browser }) => {
  // Twenty more member accounts in acme's directory, written straight into the database.
  const racers = await query(`
    with directory as (
      select d.id as directory_id, f.id as folder_id from resource_directories d
      join accounts a on a.id = d.management_account_id
      join rd_folders f on f.directory_id = d.id and f.parent_id is null
      where a.name = 'acme'),
    added as (insert into accounts (name, password_hash) select 'racer-' || g, 'unused' from generate_series(1, 20) g returning id)
    insert into rd_members (account_id, directory_id, folder_id) select added.id, directory_id, folder_id from added, directory
    returning account_id`);
  expect(racers.rows).toHaveLength(20);

  // acme's root user makes an access key on the Access Keys page, as a person would.
  const page = await browser.newPage({ baseURL: base(ports[0]) });
  await signIn(page, "acme");
  await page.goto("/account/access-keys");
  await page.getByRole("button", { name: "Create Access Key" }).click();
  const created = page.getByRole("region", { name: "New access key" });
  const accessKeyId = (await created.locator("code").nth(0).textContent())!.trim();
  const accessKeySecret = (await created.locator("code").nth(1).textContent())!.trim();
  await page.close();

  const clients = ports.map(
    (port) => new Client(new OpenApi.$OpenApiUtil.Config({ accessKeyId, accessKeySecret, endpoint: `localhost:${port}`, protocol: "http" })),
  );
  // Security Center allows one delegated administrator.
  const results = await Promise.allSettled(
    racers.rows.map(({ account_id }, i) =>
      clients[i % 2]!.registerDelegatedAdministrator(
        new RM.RegisterDelegatedAdministratorRequest({ accountId: account_id, servicePrincipal: "securitycenter.aliyuncs.com" }),
      ),
    ),
  );
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "DelegatedAccountNumberExceeded" });
  const registered = await query(`select count(*)::int as n from delegated_admins where service_principal = 'securitycenter'`);
  expect(registered.rows[0].n).toBe(1);
});

test("SIGTERM: the server finishes a request in flight, then exits; new connections are refused", async () => {
  const port = ports[1];
  const child = servers.get(port)!;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // A request in flight: its body is still arriving when the signal comes.
  const { request } = await import("node:http");
  const inFlight = new Promise<number>((resolve, reject) => {
    // A sign-in form: the server cannot answer before it has read the whole body.
    const body = "account=acme&user=&password=x";
    const req = request(
      `${base(port)}/api/auth/callback/credentials`,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      child.kill("SIGTERM");
      setTimeout(() => req.end(body.slice(10)), 1000);
    }, 300);
  });
  expect(await inFlight).toBeGreaterThanOrEqual(200);
  expect(await exited).toBe(0);
  // Gone: a new connection is refused, while the other server still serves.
  expect(
    await fetch(`${base(port)}/api/health`).then(
      (r) => r.status,
      () => "refused",
    ),
  ).toBe("refused");
  expect((await fetch(`${base(ports[0])}/api/health`)).status).toBe(200);
});
