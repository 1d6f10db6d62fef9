/**
 * Speed for the mutation run only (vitest.mutation.config.ts). Starting an in-memory PGlite runs
 * initdb, about 3 s of the 4 s every integration test file spends before its first test; a mutant
 * that survives pays it once per covering file. Here initdb runs once: `setup` (globalSetup) dumps a
 * freshly initialised, empty cluster, and the module mock in `pglite-template.mock.ts` (setupFiles)
 * starts every in-memory PGlite from that dump. Each test file still migrates and seeds its own database, as in `npm run test:unit`.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

// Keyed by PGlite's version: a dump is read only by the release that wrote it.
const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
const packageJson = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), "package.json");
const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
export const templatePath = path.join(tmpdir(), `mandate-pglite-template-${version}-${process.getuid?.() ?? 0}.tar`);

/** globalSetup: writes the template once (kept between runs; it holds only an empty cluster). */
export async function setup(): Promise<void> {
  if (existsSync(templatePath)) return;
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = new PGlite();
  await pg.query("select 1");
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const partial = `${templatePath}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, templatePath);
}
