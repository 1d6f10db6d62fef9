import "server-only";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db";
import { requestLanguage } from "@/app/_lib/i18n/language";
import { inWords, type Translate, translatorFor } from "@/messages/words";
import { clearRoleCookie } from "@/app/_lib/role-cookie";
import { resolveRequest } from "@/app/_lib/session";
import type { ActionState, FormValues } from "@/components/action-state";
import { FLASH_COOKIE } from "@/components/flash-cookie";
import type { Command } from "@/lib/authz/command";
import { DomainError, ValidationError } from "@/lib/errors";
import type { Language } from "@/lib/i18n/languages";
import { validate } from "@/lib/validation";

export type { ActionState, FormValues };

/** The request's language, for the words an action answers with (keys name the whole path: "agencies.deleted"). */
export type Words = Translate;

interface ActionOptions<R> {
  /** Paths whose server-rendered data the change affects. */
  revalidate?: string[];
  success?: (result: R, t: Words) => string;
  /** Where to go after success, e.g. the created item's page. */
  redirectTo?: (result: R) => string;
  /** Run even when the role the browser was switched into has just ended (switching, switching back). */
  whenRoleEnded?: "run";
  /** Fields the server sets whatever the form sends (which way a shared command goes). */
  fixed?: FormValues;
  /** For a batch: what went wrong in part, shown as the form's message (what succeeded stays done). */
  refusedIn?: (result: R, t: Words) => string | undefined;
  /** Shown once in the answer and nowhere else: never in a toast, a cookie or the log (a new secret). */
  reveal?: (result: R) => Record<string, string>;
  /** What the browser keeps of a success (the role cookie), after the change has committed. */
  after?: (result: R) => Promise<void>;
}

/** FormData as plain values: repeated names become lists, Next's own fields are dropped. */
function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return values;
}

// Passwords and secrets are never sent back to refill a form.
const refill = (values: FormValues): FormValues => Object.fromEntries(Object.entries(values).filter(([key]) => !/password|secret/i.test(key)));

// The domain states its refusals as phrases; they are put into the reader's language here.
function failure(error: unknown, values: FormValues, language: Language, t: Words): ActionState {
  const say = (message: string) => inWords(language, message);
  if (error instanceof ValidationError) {
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map(say)]));
    return { ok: false, fieldErrors, formError: Object.keys(fieldErrors).length ? undefined : say(error.message), values: refill(values) };
  }
  if (error instanceof DomainError) {
    return error.field === undefined
      ? { ok: false, fieldErrors: {}, formError: say(error.message), values: refill(values) }
      : { ok: false, fieldErrors: { [error.field]: [say(error.message)] }, formError: undefined, values: refill(values) };
  }
  console.error(error);
  return { ok: false, fieldErrors: {}, formError: t("common.somethingWrong"), values: refill(values) };
}

// Which command each server action runs, for the authorization matrix (tests derive its rows from it).
const commands = new WeakMap<object, Command>();

export const commandOf = (serverAction: object): Command | undefined => commands.get(serverAction);

/**
 * The one way to write a server action: the browser's form runs `command` for the request's caller.
 * The form is validated once, with the command's own schema, and the typed input goes to the
 * domain; domain errors become field or form messages.
 */
export function action<S extends z.ZodType, R>(command: Command<S, R>, options: ActionOptions<R> = {}) {
  const serverAction = async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const identity = await resolveRequest();
    if (identity === null) redirect("/sign-in");
    const language = await requestLanguage();
    const t = translatorFor(language);
    // A hand-made request can send any serialisable value where the form sends FormData.
    if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: t("common.formUnreadable"), values: {} };
    const values = formValues(formData);
    if (identity.roleEnded !== null) {
      await clearRoleCookie(identity.roleEnded);
      revalidatePath("/", "layout");
      if (options.whenRoleEnded !== "run") {
        // The click was meant for the delegating account: refuse it rather than run it in the caller's own.
        return {
          ok: false,
          fieldErrors: {},
          formError: t("common.roleEndedNothingChanged", { notice: inWords(language, identity.roleEnded) }),
          values: refill(values),
        };
      }
    }
    const { caller, loginId } = identity;
    let result: R;
    try {
      const input = validate(command.input, { ...values, ...options.fixed });
      result = await command.execute(await getDb(), caller, input, loginId);
    } catch (error) {
      return failure(error, values, language, t);
    }
    await options.after?.(result);
    for (const path of options.revalidate ?? []) revalidatePath(path, "layout");
    const partly = options.refusedIn?.(result, t);
    if (partly !== undefined) return { ok: false, fieldErrors: {}, formError: partly, values: refill(values) };
    if (options.redirectTo !== undefined) {
      // The page that asked is left behind: the toast goes with the browser to the next one.
      if (options.success !== undefined) {
        const jar = await cookies();
        // Next encodes the value itself (components/toasts.tsx decodes it once).
        jar.set(FLASH_COOKIE, options.success(result, t), { path: "/", maxAge: 30, sameSite: "lax", httpOnly: false });
      }
      redirect(options.redirectTo(result));
    }
    const answer: ActionState = { ok: true, message: options.success?.(result, t) ?? t("common.done"), values: {} };
    return options.reveal === undefined ? answer : { ...answer, revealed: options.reveal(result) };
  };
  commands.set(serverAction, command as unknown as Command);
  return serverAction;
}
