import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db";
import { readCapped } from "@/app/_lib/read-body";
import { handleAcsRequest } from "@/lib/api/acs-request";

const MAX_BODY = 64 * 1024;

/**
 * Alibaba Cloud's RPC API (ResourceManager 2020-03-31). The SDKs post to `/`; proxy.ts sends such
 * a request here, and the signature is checked against the path the client signed.
 */
export async function POST(request: NextRequest) {
  // The RPC style sends its parameters in the query: a large body is refused before it is all read.
  const body = await readCapped(request, MAX_BODY);
  const answer =
    body === null
      ? { status: 413, body: { RequestId: randomUUID().toUpperCase(), Code: "InvalidParameter.Body", Message: "The body is too large." } }
      : await handleAcsRequest(await getDb(), {
          method: "POST",
          path: "/",
          search: request.nextUrl.search.replace(/^\?/, ""),
          header: (name) => request.headers.get(name),
          body,
        });
  return NextResponse.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
}
