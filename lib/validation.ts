import { z } from "zod";
import { hasControlCharacters } from "@/lib/control-characters";
import { ValidationError } from "@/lib/errors";

export { hasControlCharacters };

/** Parses domain input; bad input becomes a ValidationError whose messages name the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const flat = z.flattenError(result.error);
  throw new ValidationError(flat.fieldErrors as Record<string, string[]>, flat.formErrors);
}

/** A form field that may be sent zero, one or many times. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

export const controlCharacterMessage = (label: string) => `${label} must not contain control characters.`;

export function requiredText(label: string, max: number) {
  return (
    z
      .string({ error: `${label} is required.` })
      .trim()
      // abort: an empty or over-long value gets one message, not also the pattern's.
      .min(1, { error: `${label} is required.`, abort: true })
      .max(max, { error: `${label} must be at most ${max} characters.`, abort: true })
      .refine((v) => !hasControlCharacters(v), { error: controlCharacterMessage(label), abort: true })
  );
}

/** A text field or query parameter that may be left empty (read as undefined). */
export function optionalText(label: string, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: `${label} must be text.` })
      .trim()
      .max(max, { error: `${label} must be at most ${max} characters.`, abort: true })
      .refine((v) => !hasControlCharacters(v), { error: controlCharacterMessage(label), abort: true })
      .optional(),
  );
}

export const description = z
  .string({ error: "Description must be text." })
  .trim()
  .max(255, { error: "Description must be at most 255 characters.", abort: true })
  .refine((v) => !hasControlCharacters(v, true), { error: controlCharacterMessage("Description"), abort: true })
  .optional()
  .transform((v) => v ?? "");

/**
 * A whole number typed into a form: decimal digits only. `z.coerce.number` would also take "0x10",
 * "1e1", " 16 " and "Infinity", so a value could mean something other than what the field shows.
 */
export function decimalInteger(message: string) {
  return z.unknown().transform((v, ctx) => {
    if (typeof v === "number" && Number.isSafeInteger(v)) return v;
    if (typeof v === "string" && /^[0-9]{1,15}$/.test(v)) return Number(v);
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

export const id = (label: string) => z.uuid({ error: `Select a valid ${label}.` });

/** A row id as the database writes it (lowercase), before it is looked up. */
export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** A JSON object: not null, not an array. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** True when a database error (possibly wrapped by Drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e instanceof Error || (typeof e === "object" && e !== null); e = (e as { cause?: unknown }).cause) {
    const candidate = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (candidate.code === "23505") {
      if (constraint === undefined) return true;
      return candidate.constraint === constraint || String(candidate.message).includes(constraint);
    }
    if ((e as { cause?: unknown }).cause === undefined) break;
  }
  return false;
}
