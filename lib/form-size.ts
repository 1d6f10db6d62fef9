/**
 * How much a form may send. Next refuses a server action whose body is over
 * `serverActions.bodySizeLimit` before the action runs, and the browser then shows only an error
 * digest; so the browser checks first, with room to spare, and names the field that is too long.
 */
import { phrase } from "@/lib/i18n/message";

export const SERVER_BODY_LIMIT_BYTES = 256 * 1024; // next.config.js: experimental.serverActions.bodySizeLimit
export const FORM_BODY_LIMIT_BYTES = 192 * 1024;

// Multipart framing around each field (boundary, Content-Disposition line); generous on purpose.
const PER_FIELD_OVERHEAD = 128;

export interface OversizedForm {
  /** The largest field: the one to shorten. */
  field: string;
  /** A phrase (lib/i18n/message.ts). */
  message: string;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;
const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);

export function oversizedForm(entries: Iterable<[string, FormDataEntryValue]>, limit = FORM_BODY_LIMIT_BYTES): OversizedForm | null {
  let total = 0;
  let largest = { field: "", bytes: -1 };
  for (const [name, value] of entries) {
    const bytes = typeof value === "string" ? utf8Length(value) : value.size;
    total += bytes + utf8Length(name) + PER_FIELD_OVERHEAD;
    if (bytes > largest.bytes) largest = { field: name, bytes };
  }
  if (total <= limit) return null;
  return {
    field: largest.field,
    message: phrase("domain.formTooLarge", { size: kilobytes(largest.bytes), limit: kilobytes(limit) }),
  };
}
