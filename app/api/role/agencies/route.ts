import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db";
import { resolveRequest } from "@/app/_lib/session";
import { suggestAgencies } from "@/lib/roles/role-sessions";

/** Agencies of an account that trust the caller's account: suggestions for the Switch Role form. */
export async function GET(request: NextRequest) {
  const identity = await resolveRequest();
  if (identity === null) return NextResponse.json({ agencies: [] }, { status: 401 });
  const account = request.nextUrl.searchParams.get("account") ?? "";
  const agencies = await suggestAgencies(await getDb(), identity.caller, account);
  return NextResponse.json({ agencies }, { headers: { "cache-control": "no-store" } });
}
