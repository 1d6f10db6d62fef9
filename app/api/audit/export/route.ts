import type { NextRequest } from "next/server";
import { clearRoleCookie } from "@/app/_lib/role-cookie";
import { resolveRequest } from "@/app/_lib/session";
import { getDb } from "@/db";
import { csvHeader, csvRow, exportAuditEvents, jsonRecord } from "@/lib/audit-trail";
import { AccessDeniedError, DomainError, ValidationError } from "@/lib/errors";
import { crossSiteReason } from "./same-origin";

const filterNames = ["actor", "agency", "action", "decision", "from", "to"] as const;

/**
 * The filtered audit trail as a CSV or JSON download, streamed page by page. A POST from the audit
 * page's form, since exporting is recorded: a link or another site must not cause it.
 */
export async function POST(request: NextRequest) {
  const crossSite = crossSiteReason(request.headers);
  if (crossSite !== null) return new Response(`Export refused: ${crossSite}. Export from the Audit Trail page.`, { status: 403 });
  const identity = await resolveRequest();
  if (identity === null) return new Response("Sign in to continue.", { status: 401 });
  if (identity.roleEnded !== null) {
    // Meant for the delegating account's trail: never export the caller's own one instead.
    await clearRoleCookie(identity.roleEnded);
    return new Response(`${identity.roleEnded} You are back in your own account; nothing was exported.`, { status: 409 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Export from the Audit Trail page: the request is not a form submission.", { status: 400 });
  }
  const params: Record<string, string> = {};
  for (const name of [...filterNames, "format"]) {
    const value = form.get(name);
    if (typeof value === "string" && value !== "") params[name] = value;
  }
  const format = params.format === "json" ? "json" : "csv";
  const events = exportAuditEvents(await getDb(), identity.caller, params);
  let first: IteratorResult<Awaited<ReturnType<typeof events.next>>["value"]>;
  try {
    // Pull the first event before answering, so a refusal or bad filter becomes a clear error response.
    first = await events.next();
  } catch (error) {
    if (error instanceof ValidationError) {
      // Back to the page, which shows each bad filter's message at its field.
      const filters = Object.fromEntries(filterNames.flatMap((n) => (params[n] === undefined ? [] : [[n, params[n]]])));
      return Response.redirect(new URL(`/audit?${new URLSearchParams(filters)}`, request.nextUrl), 303);
    }
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
