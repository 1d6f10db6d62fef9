import path from "node:path";
import { defineConfig, type TestProjectConfiguration } from "vitest/config";

// Every test runs on embedded PGlite; with TEST_DATABASE_URL the database tests run again on PostgreSQL.
const projects: TestProjectConfiguration[] = [
  { extends: true, test: { name: "pglite", env: { TEST_DB: "pglite" }, include: ["lib/**/*.test.ts", "tests/**/*.test.ts"] } },
  ...(process.env.TEST_DATABASE_URL
    ? [{ extends: true as const, test: { name: "postgres", env: { TEST_DB: "postgres" }, include: ["tests/integration/**/*.test.ts"] } }]
    : []),
];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
