import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** Parses domain input; bad input becomes a ValidationError whose messages name the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const flat = z.flattenError(result.error);
  throw new ValidationError(flat.fieldErrors as Record<string, string[]>, flat.formErrors);
}

/** A form field that may be sent zero, one or many times. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item),
  );
}

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    // abort: an empty or over-long value gets one message, not also the pattern's.
    .min(1, { error: `${label} is required.`, abort: true })
    .max(max, { error: `${label} must be at most ${max} characters.`, abort: true });
}

export const description = z
  .string({ error: "Description must be text." })
  .trim()
  .max(255, "Description must be at most 255 characters.")
  .optional()
  .transform((v) => v ?? "");

export const id = (label: string) => z.uuid({ error: `Select a valid ${label}.` });

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
