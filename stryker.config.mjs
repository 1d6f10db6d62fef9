// @ts-check
/**
 * Mutation testing of the authorization net (issue 11): `npm run mutation`, or narrowed with
 * `npm run mutation -- --mutate lib/authz/glob.ts`. Not part of `npm test`: like a benchmark, it
 * takes long (see docs in the report of issue 11 for the figures and the survivors judged harmless).
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  mutate: ["lib/authz/**/*.ts", "lib/agencies/**/*.ts", "lib/roles/**/*.ts", "lib/rd/delegated-admins.ts", "!**/*.test.ts"],
  // Two mutants at a time on a 2-core machine (the run holds the heavy-work lock); each test run
  // reruns only the tests that reached the mutant.
  coverageAnalysis: "perTest",
  // A static mutant (module-level constants) reruns every test of every related file: 23% of the
  // mutants of glob.ts took 71% of the time. They are reported as ignored.
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that loops for ever is common in the matchers: it must not cost a minute each. Stryker
  // waits timeoutFactor × the covering tests' own time + timeoutMS (+ the per-file start-up it measured).
  timeoutMS: 10_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: ".stryker-tmp",
  ignorePatterns: [".next", ".data", "reports", "test-results", "playwright-report", "bench/results", "e2e", "*.tsbuildinfo"],
  cleanTempDir: true,
};
