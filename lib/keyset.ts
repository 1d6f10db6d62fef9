/** Cursors of lists read by keyset: a row's sort value (as the database writes it as text) and its id, opaque in a link. */
import { z } from "zod";
import { phrase, term } from "@/lib/i18n/message";
import { controlCharacterMessage, hasControlCharacters, isUuid } from "@/lib/validation";

export interface Cursor {
  key: string;
  id: string;
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");

/** Where a page starts: after a row, before a row, or at the end. */
export interface Place {
  after?: Cursor | undefined;
  before?: Cursor | undefined;
  last?: "1" | undefined;
}

/** The page before a row and the last page are read backwards; their rows are put back in order after. */
export const readsBackwards = (place: Place) => place.after === undefined && (place.before !== undefined || place.last !== undefined);

/**
 * A page from the up to `size + 1` rows read in the page's direction: its rows in list order, the
 * cursors to either side (null at an end), and whether the read found more than a page.
 */
export function keysetPage<R>(read: R[], size: number, place: Place, cursorOf: (row: R) => Cursor) {
  const backwards = readsBackwards(place);
  const more = read.length > size;
  const rows = backwards ? read.slice(0, size).reverse() : read.slice(0, size);
  const at = (row: R | undefined) => (row === undefined ? null : encodeCursor(cursorOf(row)));
  return {
    rows,
    more,
    previous: (backwards ? more : place.after !== undefined) ? at(rows[0]) : null,
    next: (backwards ? place.before !== undefined : more) ? at(rows.at(-1)) : null,
  };
}

/** `%` and `_` typed into a search box are literal characters, not patterns. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A cursor from a link; anything the list did not make reads as no cursor (the first page). */
export const cursorParam = z
  .string()
  .max(400)
  .transform((text): Cursor | undefined => {
    try {
      const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
      if (
        Array.isArray(value) &&
        value.length === 2 &&
        typeof value[0] === "string" &&
        value[0].length <= 200 &&
        typeof value[1] === "string" &&
        isUuid(value[1])
      )
        return { key: value[0], id: value[1] };
    } catch {}
    return undefined;
  })
  .optional()
  .catch(undefined);

/** A list's search box: a repeated or missing q is no search; a typed one is checked, since it reaches the database. */
export const searchParam = z.preprocess(
  (v) => (typeof v === "string" ? v : ""),
  z
    .string()
    .trim()
    .max(64, { error: phrase("validation.tooLong", { field: term("validation.fields.search"), max: 64 }), abort: true })
    .refine((v) => !hasControlCharacters(v), { error: controlCharacterMessage("search") }),
);

/** Where a page starts: links the list made itself; anything else reads as the first page. */
export const pageParams = {
  after: cursorParam,
  before: cursorParam,
  last: z.literal("1").optional().catch(undefined),
};
