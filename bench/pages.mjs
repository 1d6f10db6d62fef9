// `npm run bench:pages`: Lighthouse scores (performance, accessibility, best practices) and the
// bytes each console page transfers, signed in as acme's root user, against the built console
// (`npm run build` first) on a fresh embedded database. Needs Chromium (CHROME_PATH, default
// /usr/bin/chromium) and fetches Lighthouse through npx when it is not installed.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
// BENCH_LANGUAGE=zh-CN measures the Chinese console (the language cookie the switcher sets).
const LANGUAGE = process.env.BENCH_LANGUAGE ?? "en";
const BASE = `http://localhost:${PORT}`;
const TARGET = 95;
const pages = [
  "/sign-in",
  "/sign-in/federated?account=acme",
  "/",
  "/agencies",
  "/agencies/new",
  "/switch-role",
  "/notifications",
  "/resources/ecs",
  "/iam/users",
  "/iam/identity-providers",
  "/resource-directory/trusted-services",
  "/audit",
];

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** The session cookie of acme's root user, signed in as the sign-in form does it. */
async function signIn() {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const body = new URLSearchParams({ account: "acme", user: "", password: "Acme-Passw0rd!", csrfToken, json: "true" });
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-auth-return-redirect": "1" },
  });
  const cookies = [...jar, ...response.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error("Signing in as acme failed.");
  return cookies.join("; ");
}

function lighthouse(url, cookie, out) {
  const args = [
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    "--only-categories=performance,accessibility,best-practices",
    "--chrome-flags=--headless=new --no-sandbox",
    `--extra-headers=${JSON.stringify({ cookie: [cookie, `mandate.language=${LANGUAGE}`].filter(Boolean).join("; ") })}`,
  ];
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" };
  // Headless Chromium now and then loses a trace (NO_NAVSTART): such a run is repeated, not scored.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync("npx", ["-y", "lighthouse@12.8.2", ...args], { stdio: ["ignore", "ignore", "pipe"], env });
      return JSON.parse(readFileSync(out, "utf8"));
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "mandate-bench-pages-"));
const server = spawn("node", ["scripts/server.mjs"], {
  env: { ...process.env, PORT: String(PORT), MANDATE_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: BASE },
  stdio: "ignore",
});
try {
  await waitFor(`${BASE}/sign-in`, 120_000);
  const cookie = await signIn();
  const rows = [];
  for (const path of pages) {
    const report = lighthouse(`${BASE}${path}`, path.startsWith("/sign-in") ? null : cookie, join(dataDir, "report.json"));
    if (report.finalDisplayedUrl && !report.finalDisplayedUrl.endsWith(path)) throw new Error(`${path} ended at ${report.finalDisplayedUrl}`);
    const score = (c) => Math.round(report.categories[c].score * 100);
    rows.push({
      page: path,
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best practices": score("best-practices"),
      "transfer KiB": Math.round(report.audits["total-byte-weight"].numericValue / 1024),
    });
  }
  console.log(`Language: ${LANGUAGE}`);
  console.table(rows);
  const low = rows.filter((r) => Math.min(r.performance, r.accessibility, r["best practices"]) < TARGET);
  console.log(low.length === 0 ? `Every page scores ${TARGET} or more.` : `Below ${TARGET}: ${low.map((r) => r.page).join(", ")}`);
  process.exitCode = low.length === 0 ? 0 : 1;
} finally {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
