/**
 * File order for the mutation run. A mutant stops at its first failing test (bail), and every
 * integration file starts a database first, so the fast unit tests go first and the broad, quick
 * integration suites before the slow property and race suites. (Vitest's default runs the slowest
 * file first, which makes every killed mutant pay for it.)
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const order = [
  "lib/",
  "tests/integration/authorization-matrix",
  "tests/integration/escalation-matrix",
  "tests/integration/isolation",
  "tests/integration/access",
  "tests/integration/role-switching",
  "tests/integration/agencies",
  "tests/integration/resource-directory",
  "tests/integration/iam",
  "tests/integration/",
];

const rank = (file: string) => {
  const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
  const at = order.findIndex((prefix) => relative.startsWith(prefix));
  // New *.mutation.test.ts files aim at one rule each: right after the unit tests.
  if (relative.endsWith(".mutation.test.ts")) return 0.5;
  return at < 0 ? order.length : at;
};

export default class MutationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || a.moduleId.localeCompare(b.moduleId));
  }
}
