import type { NextRequest } from "next/server";
import { resolveRequest } from "@/app/_lib/session";
import { getDb } from "@/db";
import { csvHeader, csvRow, exportAuditEvents, jsonRecord } from "@/lib/audit-trail";
import { AccessDeniedError, DomainError } from "@/lib/errors";

/** The filtered audit trail as a CSV or JSON download, streamed page by page. */
export async function GET(request: NextRequest) {
  const identity = await resolveRequest();
  if (identity === null) return new Response("Sign in to continue.", { status: 401 });
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const format = params.format === "json" ? "json" : "csv";
  const events = exportAuditEvents(await getDb(), identity.caller, params);
  let first: IteratorResult<Awaited<ReturnType<typeof events.next>>["value"]>;
  try {
    // Pull the first event before answering, so a refusal or bad filter becomes a clear error response.
    first = await events.next();
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response(error.message, { status: 403 });
    if (error instanceof DomainError) return new Response(error.message, { status: 400 });
    throw error;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvHeader() : "[\n"));
      let count = 0;
      for (let item = first; !item.done; item = await events.next()) {
        const e = item.value;
        controller.enqueue(encoder.encode(format === "csv" ? csvRow(e) : `${count > 0 ? ",\n" : ""}${JSON.stringify(jsonRecord(e))}`));
        count++;
      }
      if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
      controller.close();
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${identity.caller.accountName}-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
