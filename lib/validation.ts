import { z } from "zod";
import { hasControlCharacters } from "@/lib/control-characters";
import { ValidationError } from "@/lib/errors";
import { phrase, term } from "@/lib/i18n/message";

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

/**
 * A field's name inside a message: `field` is a key of the catalogue's `validation.fields`
 * ("agencyName" reads "Agency name" / "委托名称").
 */
export type FieldName = string;
const fieldTerm = (field: FieldName) => term(`validation.fields.${field}`);

export const controlCharacterMessage = (field: FieldName) => phrase("validation.controlCharacters", { field: fieldTerm(field) });

export function requiredText(field: FieldName, max: number) {
  const required = phrase("validation.required", { field: fieldTerm(field) });
  return (
    z
      .string({ error: required })
      .trim()
      // abort: an empty or over-long value gets one message, not also the pattern's.
      .min(1, { error: required, abort: true })
      .max(max, { error: phrase("validation.tooLong", { field: fieldTerm(field), max }), abort: true })
      .refine((v) => !hasControlCharacters(v), { error: controlCharacterMessage(field), abort: true })
  );
}

/** A text field or query parameter that may be left empty (read as undefined). */
export function optionalText(field: FieldName, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: phrase("validation.notText", { field: fieldTerm(field) }) })
      .trim()
      .max(max, { error: phrase("validation.tooLong", { field: fieldTerm(field), max }), abort: true })
      .refine((v) => !hasControlCharacters(v), { error: controlCharacterMessage(field), abort: true })
      .optional(),
  );
}

export const description = z
  .string({ error: phrase("validation.notText", { field: fieldTerm("description") }) })
  .trim()
  .max(255, { error: phrase("validation.tooLong", { field: fieldTerm("description"), max: 255 }), abort: true })
  .refine((v) => !hasControlCharacters(v, true), { error: controlCharacterMessage("description"), abort: true })
  .optional()
  .transform((v) => v ?? "");

/**
 * A whole number typed into a form: decimal digits only. `z.coerce.number` would also take "0x10",
 * "1e1", " 16 " and "Infinity", so a value could mean something other than what the field shows.
 */
export function decimalInteger(message: string /* a phrase */) {
  return z.unknown().transform((v, ctx) => {
    if (typeof v === "number" && Number.isSafeInteger(v)) return v;
    if (typeof v === "string" && /^[0-9]{1,15}$/.test(v)) return Number(v);
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

/** An id picked from a list; `thing` is a key of the catalogue's `validation.things` ("agency"). */
export const id = (thing: string) => z.uuid({ error: phrase("validation.selectValid", { thing: term(`validation.things.${thing}`) }) });

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
