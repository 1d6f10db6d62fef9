import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { inReadersWords } from "@/app/_lib/i18n/translate";
import { resolveRequest } from "@/app/_lib/session";
import { suggestAgencies } from "@/lib/roles/role-sessions";
import { controlCharacterMessage, hasControlCharacters } from "@/lib/validation";

/** Agencies of an account that trust the caller's account: suggestions for the Switch Role form. */
export async function GET(request: NextRequest) {
  const identity = await resolveRequest();
  if (identity === null) return NextResponse.json({ agencies: [] }, { status: 401 });
  const account = request.nextUrl.searchParams.get("account") ?? "";
  // The name reaches the database, which refuses \u0000 in text; say why instead of failing with a 500.
  if (hasControlCharacters(account)) {
    return NextResponse.json(
      { agencies: [], error: await inReadersWords(controlCharacterMessage("accountName")) },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  const agencies = await suggestAgencies(await getDb(), identity.caller, account);
  return NextResponse.json({ agencies }, { headers: { "cache-control": "no-store" } });
}
