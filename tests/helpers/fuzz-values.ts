/** Values the per-form fuzz inputs (form-arbitraries.ts) share: names, descriptions, policy documents and ids worth trying. */
import { demoRegions } from "@/db/seed";
import { MAX_DOCUMENT_LENGTH } from "@/lib/policy/document";
import type { World } from "./fuzz-world";

export const others = <T extends string>(all: readonly T[], but: T) => all.filter((v) => v !== but);
export const regionIds = demoRegions.map((r) => r.id);
export const doc = (statement: object) => JSON.stringify({ Version: "1.1", Statement: [statement] });

/** Names a user could send: taken (also in other letters), at the length limit, padded, every allowed character, a digit first. */
export const names = (taken: string[], max: number, initial: string, digitFirst = true) => [
  ...taken,
  ...taken.map((t) => t.toUpperCase()),
  initial.repeat(max),
  `  ${initial}padded  `,
  `${initial}0_.-x`,
  ...(digitFirst ? [`9${initial}`] : []),
];
/** A policy allowing `count` made-up actions: as long as a document may be, or longer. */
export const manyActions = (count: number) => doc({ Effect: "Allow", Action: Array.from({ length: count }, (_, i) => `ecs:instances:a${i}`) });
export const longestCount = (() => {
  let count = 1;
  while (manyActions(count + 1).length <= MAX_DOCUMENT_LENGTH) count += 1;
  return count;
})();
export const longestDocument = manyActions(longestCount);
export const descriptions = [
  "",
  "line one\n\tline two",
  "ünïcødé — 中文 — עברית — 👩‍👩‍👧",
  "<img src=x onerror=alert(1)>",
  "'; drop table users; --",
  "d".repeat(255),
  "  padded  ",
];
/** Ids from outside: another kind of object's, one naming nothing, not an id. */
export const strangeIds = (w: World) => [w.agency.globexOps, w.nothing, "not-a-uuid"];
