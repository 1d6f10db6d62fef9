// `npm start`: builds when the sources are newer than the last build, then serves the console
// through scripts/server.mjs. The server opens, migrates and seeds the database as it starts.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const sources = [
  "scripts/server.mjs",
  "app",
  "components",
  "lib",
  "db",
  "public",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
];

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

function run(args) {
  const result = spawnSync("npx", ["next", ...args], { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const buildId = ".next/BUILD_ID";
if (!existsSync(buildId) || Math.max(...sources.map(newest)) > statSync(buildId).mtimeMs) run(["build"]);
await import("./server.mjs");
