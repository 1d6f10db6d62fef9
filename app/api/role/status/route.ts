import { NextResponse } from "next/server";
import { resolveRequest } from "@/app/_lib/session";

/** Polled by the top bar while a role is switched, so that an ended role shows without a click. */
export async function GET() {
  const identity = await resolveRequest();
  if (identity === null) return NextResponse.json({ signedIn: false }, { status: 401, headers: { "cache-control": "no-store" } });
  const agency = identity.caller.agency;
  return NextResponse.json(
    {
      signedIn: true,
      switched: Boolean(agency),
      expiresAt: agency?.expiresAt?.toISOString() ?? null,
      notice: identity.roleNotice,
    },
    { headers: { "cache-control": "no-store" } },
  );
}
