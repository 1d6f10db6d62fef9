/**
 * The console under concurrent load: a production server on the embedded database, scaled to
 * 1,000 accounts and 100,000 agencies, driven by autocannon; and the JavaScript each page ships.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { seedCatalogue, seedDemo } from "@/db/seed";

const PORT = 3200;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = ".data/bench-load";
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);
const AGENCIES_PER_ACCOUNT = Number(process.env.BENCH_AGENCIES_PER_ACCOUNT ?? 100);
const routes = ["/", "/agencies", "/agencies?q=agency-5", "/resources/ecs", "/iam/users", "/audit", "/access"];

async function scaledWorld() {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const handle = createDb({ dataDir: DATA_DIR });
  await handle.migrate();
  await seedCatalogue(handle.db);
  await seedDemo(handle.db);
  const db = handle.db;
  await db.execute(sql`
    insert into accounts (name, password_hash)
    select 'bench-' || lpad(g::text, 4, '0'), (select password_hash from accounts where name = 'umbrella')
    from generate_series(1, ${ACCOUNTS - 4}) g`);
  await db.execute(sql`
    insert into agencies (account_id, name, type, delegated_account_id, validity_kind, description)
    select a.id, 'agency-' || g, 'account', (select id from accounts where name = 'globex'), 'unlimited', 'load benchmark'
    from accounts a cross join generate_series(1, ${AGENCIES_PER_ACCOUNT}) g where a.name <> 'globex'`);
  await db.execute(sql`
    insert into agency_permissions (agency_id, policy_id, scope_kind)
    select a.id, (select id from policies where name = 'ECS ReadOnlyAccess' and account_id is null), 'all'
    from agencies a where a.name like 'agency-%'`);
  await db.execute(sql`analyze`);
  const counts = (await db.execute(
    sql`select (select count(*) from accounts)::int as accounts, (select count(*) from agencies)::int as agencies`,
  )) as unknown as {
    rows: { accounts: number; agencies: number }[];
  };
  await handle.close();
  return counts.rows[0]!;
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/** Signs in as acme/alice through next-auth's credentials endpoint and returns the cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const body = new URLSearchParams({ csrfToken, account: "acme", user: "alice", password: "Passw0rd!", json: "true" });
  keep(
    await fetch(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      body,
      headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    }),
  );
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error("sign-in failed");
  return cookie();
}

async function javascriptPerRoute(cookie: string) {
  const rows = [];
  for (const route of routes) {
    const html = await (await fetch(`${BASE}${route}`, { headers: { cookie } })).text();
    const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
    let raw = 0;
    let gzip = 0;
    for (const src of scripts) {
      const bytes = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
    rows.push({ route, scripts: scripts.length, "JS kB": (raw / 1024).toFixed(0), "JS kB gzip": (gzip / 1024).toFixed(0) });
  }
  console.log("\nJavaScript shipped per page (first load, all script tags)");
  console.table(rows);
}

export async function benchLoad(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  const world = await scaledWorld();
  const server = spawn("npx", ["next", "start", "--port", String(PORT)], {
    env: { ...process.env, MANDATE_DATA_DIR: DATA_DIR, DATABASE_URL: "", NEXTAUTH_URL: BASE, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForServer();
    const cookie = await signIn();
    const rows = [];
    for (const route of routes) {
      const result = await autocannon({ url: `${BASE}${route}`, connections: 10, duration: 8, headers: { cookie } });
      rows.push({
        route,
        "req/s": result.requests.average.toFixed(1),
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
    console.log(`\nPages under load (10 connections, 8 s each) on PGlite: ${world.accounts} accounts, ${world.agencies} agencies, signed in as acme/alice`);
    console.table(rows);
    await javascriptPerRoute(cookie);
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid, "SIGTERM");
  }
}
