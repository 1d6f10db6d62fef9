/**
 * One declaration per operation: the action it performs, its input schema and its effect. From it
 * come the domain function (validating once), the server action (app/_lib/action.ts), the audit
 * events (only declared actions may be asked of the guard) and the rows the authorization matrix
 * must have (tests/integration/authorization-matrix.test.ts).
 */
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { type ActionName, isSelfServiceAction } from "@/lib/authz/action-catalogue";
import { forgetGrants, type Guard, mutate, type SelfServiceChange, selfService } from "@/lib/authz/authorize";
import { type Caller, ownAccountCaller } from "@/lib/caller";
import { validate } from "@/lib/validation";

export interface CommandContext {
  db: Db;
  caller: Caller;
  /** The sign-in the request belongs to ("" outside a web request). */
  loginId: string;
  /** `mutate` bound to this caller, refusing any action the command did not declare. */
  change<T>(fn: (tx: Tx, guard: Guard) => Promise<T>): Promise<T>;
  /**
   * `selfService` for the command's own action, which must be a self-service one, recorded in the
   * principal's own account even from a switched role: it is the principal's password or sign-in.
   */
  own<T>(request: { target: string; detail?: Record<string, unknown> }, fn: SelfServiceChange<T>): Promise<T>;
}

export interface Declaration<S extends z.ZodType, R> {
  /** What the command does, as the guard is asked and the audit trail records it. */
  action: ActionName;
  /** Other actions the command may ask for (accepting or declining, switching back). */
  also?: readonly ActionName[];
  input: S;
  run(context: CommandContext, input: z.output<S>): Promise<R>;
}

export interface Command<S extends z.ZodType = z.ZodType, R = unknown> extends Declaration<S, R> {
  /** Validates `raw` once and runs: the form of call the domain's own callers and tests use. */
  (db: Db, caller: Caller, raw: Record<string, unknown>, loginId?: string): Promise<R>;
  /** Runs with input already validated by `input` (the server action validates it). */
  execute(db: Db, caller: Caller, input: z.output<S>, loginId?: string): Promise<R>;
  readonly actions: readonly ActionName[];
}

async function runFor<R>(caller: Caller, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } finally {
    forgetGrants(caller);
  }
}

export function command<S extends z.ZodType, R>(declaration: Declaration<S, R>): Command<S, R> {
  const actions = [declaration.action, ...(declaration.also ?? [])];
  const { action } = declaration;
  const execute = (db: Db, caller: Caller, input: z.output<S>, loginId = "") =>
    // Whatever the command changed, the request's caller reads its grants afresh afterwards.
    runFor(caller, () =>
      declaration.run(
        {
          db,
          caller,
          loginId,
          change: (fn) => mutate(db, caller, fn, actions),
          own: (request, fn) => {
            if (!isSelfServiceAction(action)) throw new Error(`${action} is decided by policy, not by who asks.`);
            return selfService(db, ownAccountCaller(caller), { ...request, action }, fn);
          },
        },
        input,
      ),
    );
  const call = async (db: Db, caller: Caller, raw: Record<string, unknown>, loginId = "") => execute(db, caller, validate(declaration.input, raw), loginId);
  return Object.assign(call, { action: declaration.action, also: declaration.also, input: declaration.input, run: declaration.run, execute, actions });
}
