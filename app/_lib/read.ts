import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requireCaller } from "@/app/_lib/session";
import type { Caller } from "@/lib/caller";
import type { Db } from "@/db/client";
import { AccessDeniedError, DomainError } from "@/lib/errors";
import { inReadersWords } from "@/app/_lib/i18n/translate";

/** `message` is in the reader's language. `denied`: the engine refused; otherwise the page does not apply to this account (a neutral state, not an error). */
export type Loaded<T> = { ok: true; data: T; caller: Caller } | { ok: false; message: string; denied: boolean; caller: Caller };

/** Runs a page's read through the domain: denial becomes a message, a missing (or foreign) item a 404. */
export async function load<T>(read: (db: Db, caller: Caller) => Promise<T>): Promise<Loaded<T>> {
  const caller = await requireCaller();
  const db = await getDb();
  try {
    return { ok: true, data: await read(db, caller), caller };
  } catch (error) {
    if (error instanceof AccessDeniedError) return { ok: false, message: await inReadersWords(error.message), denied: true, caller };
    if (error instanceof DomainError && error.code.endsWith("not_found")) notFound();
    if (error instanceof DomainError) return { ok: false, message: await inReadersWords(error.message), denied: false, caller };
    throw error;
  }
}

export type Attempt<T> = { ok: true; data: T } | { ok: false; message: string };

/** For a part of a page that may be denied while the rest still shows (e.g. a list beside a create form). */
export async function attempt<T>(read: Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, data: await read };
  } catch (error) {
    if (error instanceof AccessDeniedError) return { ok: false, message: await inReadersWords(error.message) };
    throw error;
  }
}
