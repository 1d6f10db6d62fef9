import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { readCapped } from "@/app/_lib/read-body";
import { getDb } from "@/db";
import { handleHuaweiRequest } from "@/lib/api/huawei-request";

const MAX_BODY = 64 * 1024;

/**
 * Huawei Cloud's API paths (`/v3/…`, `/v3.0/…`, `/v1/…`) answer here. The signature covers the path
 * as it was sent, so the raw, still-encoded path is handed on.
 */
async function handle(request: NextRequest): Promise<Response> {
  const body = await readCapped(request, MAX_BODY);
  if (body === null) {
    const requestId = randomUUID().replace(/-/g, "");
    return Response.json(
      { error_code: "IAM.0011", error_msg: "The body is too large.", request_id: requestId },
      { status: 413, headers: { "cache-control": "no-store", "x-request-id": requestId } },
    );
  }
  const url = new URL(request.url);
  const answer = await handleHuaweiRequest(await getDb(), {
    method: request.method,
    rawPath: url.pathname,
    search: url.search.replace(/^\?/, ""),
    header: (name) => request.headers.get(name),
    body,
  });
  const empty = answer.status === 204 || request.method === "HEAD";
  return new Response(empty ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers: { ...answer.headers, ...(empty ? {} : { "content-type": "application/json" }) },
  });
}

export const huaweiRoute = { GET: handle, POST: handle, PUT: handle, DELETE: handle, HEAD: handle };
