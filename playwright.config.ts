import { defineConfig } from "@playwright/test";

const PORT = 3100;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "console", testIgnore: /several-servers\.spec\.ts/ },
    // Starts two more servers of its own: alone, after the rest, so their start-up load slows no other spec.
    { name: "several servers", testMatch: /several-servers\.spec\.ts/, dependencies: ["console"] },
  ],
  webServer: {
    // A fresh embedded database with the demo world for every run.
    // The console's own server (as `npm start` runs it), which takes client addresses from the socket.
    command: `rm -rf .data/e2e && PORT=${PORT} node scripts/server.mjs`,
    url: `http://localhost:${PORT}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      MANDATE_DATA_DIR: ".data/e2e",
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // e2e/federated-sign-in.spec.ts runs a real identity provider on a loopback port.
      MANDATE_LOOPBACK_ISSUERS: "on",
    },
  },
});
