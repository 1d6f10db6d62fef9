/**
 * Counts authorization checks, so a fuzz can tell how many of its runs got past validation and
 * lookups to the rule under test. Wired in a test file with
 *   vi.mock("@/lib/authz/authorize", async (original) => (await import("../helpers/fuzz-guard")).counting(await original()));
 * Only types come from the real module here: importing it would load it before the mock is made.
 */
import type * as Authorize from "@/lib/authz/authorize";

export const guardCalls = { count: 0 };

type Module = typeof Authorize;

function counted<F extends (...args: never[]) => unknown>(fn: F): F {
  return ((...args: Parameters<F>) => {
    guardCalls.count += 1;
    return fn(...args);
  }) as F;
}

/** The real module with `requireAllowed`, `requireAnyAllowed` and the `guard` that `mutate` hands its callback counting their calls. */
export function counting(real: Module): Module {
  const countGuard = (guard: Authorize.Guard): Authorize.Guard => Object.assign(counted(guard), guard, { refuse: counted(guard.refuse.bind(guard)) });
  const mutate: Module["mutate"] = (db, caller, fn, ...rest) => real.mutate(db, caller, (tx, guard) => fn(tx, countGuard(guard)), ...rest);
  return { ...real, mutate, requireAllowed: counted(real.requireAllowed), requireAnyAllowed: counted(real.requireAnyAllowed) };
}
