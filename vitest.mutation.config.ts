import { defineConfig, mergeConfig } from "vitest/config";
import MutationSequencer from "./tests/mutation/sequencer";
import base from "./vitest.config";

// Stryker's run (stryker.config.mjs): the pglite project only, and only the tests that exercise the
// mutated modules. Stryker narrows further to the test files that import a mutated module
// (`vitest.related`) and, per mutant, to the tests that reached it (coverageAnalysis perTest).
const template = "tests/mutation/pglite-template";

export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    test: {
      name: "pglite",
      env: { TEST_DB: "pglite" },
      globalSetup: [`${template}.ts`],
      setupFiles: [`${template}.mock.ts`],
      sequence: { sequencer: MutationSequencer },
      // MUTATION_TESTS=unit keeps the database-free tests only: a quick first pass over the pure
      // modules (glob, containment, engine, hand-on), whose survivors then pay no database start-up.
      include:
        process.env.MUTATION_TESTS === "unit"
          ? ["lib/**/*.test.ts", "lib/**/*.mutation.test.ts"]
          : [
              "lib/authz/**/*.test.ts",
              "lib/agencies/**/*.test.ts",
              "lib/roles/**/*.test.ts",
              "lib/rd/**/*.test.ts",
              "tests/integration/**/*.mutation.test.ts",
              // The suites about authorization, delegation and isolation; the rest (sign-in, forms,
              // faults, resources) add minutes per surviving mutant and little to these modules.
              "tests/integration/{authorization-matrix,escalation-*,escalation.property,agencies,role-switching,resource-directory*,access,isolation,iam}.test.ts",
            ],
      exclude: ["node_modules/**"],
    },
  }),
);
