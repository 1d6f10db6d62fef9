import { NextResponse } from "next/server";
import { databaseIsHealthy } from "@/db";

/**
 * For a load balancer: 200 while this server can serve (its database answers and is migrated),
 * 503 otherwise. No session needed, and no detail given: the server's log says what failed.
 * While the server drains after SIGTERM, scripts/server.mjs answers 503 before this runs.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const healthy = await databaseIsHealthy();
  return NextResponse.json({ status: healthy ? "ok" : "unavailable" }, { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } });
}
