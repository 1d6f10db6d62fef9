/** setupFiles of vitest.mutation.config.ts: in-memory PGlite databases start from the template (see pglite-template.ts). */
import { readFileSync } from "node:fs";
import { vi } from "vitest";
import { templatePath } from "./pglite-template";

// No data directory and no options: an in-memory database, started from the template.
vi.mock("@electric-sql/pglite", async (importOriginal) => {
  const original = await importOriginal<typeof import("@electric-sql/pglite")>();
  const template = new Blob([readFileSync(templatePath)]);
  class TemplatePGlite extends original.PGlite {
    constructor(...args: ConstructorParameters<typeof original.PGlite>) {
      if (args.length === 0 || (args.length === 1 && args[0] === undefined)) super({ loadDataDir: template });
      else super(...args);
    }
  }
  return { ...original, PGlite: TemplatePGlite };
});
