/** The bit-parallel scan at its word boundaries (issue 11's mutation run: random patterns seldom hit them). */
import { expect, test } from "vitest";
import { globMatch } from "@/lib/authz/glob";

test.each([31, 32, 33, 64])("a middle piece with `?` of %i characters is found where it ends", (length) => {
  const piece = `${"a".repeat(length - 1)}?`;
  expect(globMatch(`x*${piece}*y`, `xb${"a".repeat(length)}y`, false)).toBe(true);
  expect(globMatch(`x*${piece}*y`, `xb${"a".repeat(length - 2)}by`, false)).toBe(false);
});
