import { NextResponse, type NextRequest } from "next/server";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { inReadersWords } from "@/app/_lib/i18n/translate";
import { resolveRequest } from "@/app/_lib/session";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, DomainError } from "@/lib/errors";

const noStore = { "cache-control": "no-store" };

/**
 * A search-as-you-type endpoint of the directory pages: the signed-in caller, the domain's read,
 * and a refusal in the reader's words with the status it deserves. `empty` is the answer's shape
 * with nothing found, so a failed search still parses like a successful one.
 */
export function directorySearch(empty: object, read: (db: Db, caller: Caller, params: URLSearchParams) => Promise<object>) {
  return async (request: NextRequest) => {
    const identity = await resolveRequest();
    if (identity === null) return NextResponse.json(empty, { status: 401, headers: noStore });
    try {
      return NextResponse.json(await read(await getDb(), identity.caller, request.nextUrl.searchParams), { headers: noStore });
    } catch (error) {
      if (error instanceof AccessDeniedError || error instanceof DomainError) {
        const status = error instanceof AccessDeniedError ? 403 : error.code.endsWith("not_found") ? 404 : 400;
        return NextResponse.json({ ...empty, error: await inReadersWords(error.message) }, { status, headers: noStore });
      }
      throw error;
    }
  };
}
