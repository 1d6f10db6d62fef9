import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { inReadersWords } from "@/app/_lib/i18n/translate";
import { resolveRequest } from "@/app/_lib/session";
import { AccessDeniedError, DomainError } from "@/lib/errors";
import { delegationCandidates } from "@/lib/rd/delegated-admins";

const noStore = { "cache-control": "no-store" };

/** Members that could be added as a service's delegated administrator, matching what is typed: the Add panel's search. */
export async function GET(request: NextRequest) {
  const identity = await resolveRequest();
  if (identity === null) return NextResponse.json({ candidates: [] }, { status: 401, headers: noStore });
  const params = request.nextUrl.searchParams;
  try {
    const found = await delegationCandidates(await getDb(), identity.caller, params.get("service") ?? "", params.get("q") ?? "");
    return NextResponse.json(found, { headers: noStore });
  } catch (error) {
    if (error instanceof AccessDeniedError || error instanceof DomainError) {
      const status = error instanceof AccessDeniedError ? 403 : error.code.endsWith("not_found") ? 404 : 400;
      return NextResponse.json({ candidates: [], error: await inReadersWords(error.message) }, { status, headers: noStore });
    }
    throw error;
  }
}
