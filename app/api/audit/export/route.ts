import type { NextRequest } from "next/server";
import { LANGUAGE_COOKIE } from "@/app/_lib/i18n/language";
import { inWords, translatorFor } from "@/app/_lib/i18n/translate";
import { clearRoleCookie } from "@/app/_lib/role-cookie";
import { resolveRequest } from "@/app/_lib/session";
import { getDb } from "@/db";
import { csvHeader, csvRow, exportAuditEvents, jsonRecord } from "@/lib/audit-trail";
import { AccessDeniedError, DomainError, ValidationError } from "@/lib/errors";
import type { Language } from "@/lib/i18n/languages";
import { pickLanguage } from "@/lib/i18n/negotiate";
import type { Messages } from "@/messages/catalogue";
import { exportBody } from "./body";
import { crossSiteReason } from "./same-origin";

const filterNames = ["actor", "agency", "action", "decision", "from", "to"] as const;

type Column = keyof Messages["audit"]["csv"];

// A spreadsheet cell: quoted when the label holds a comma, a quote or a line break.
const cell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * lib's header row (its columns, in its order) with each column named in the reader's language;
 * the rows stay as lib writes them. JSON keeps its property names: they are a machine format.
 */
function translatedHeader(t: (column: Column) => string): string {
  const columns = csvHeader().trim().split(",") as Column[];
  return `${columns.map((column) => cell(t(column))).join(",")}\r\n`;
}

/**
 * The reader's language, in app/_lib/i18n/language.ts's order (the principal's saved choice, this
 * browser's cookie, its Accept-Language), read from the request itself: a route handler is also run
 * outside Next (tests), where next-intl/server's getTranslations does not exist.
 */
function languageOf(request: NextRequest, saved?: string | null): Language {
  return pickLanguage(saved, request.cookies.get(LANGUAGE_COOKIE)?.value, request.headers.get("accept-language"));
}

/**
 * The filtered audit trail as a CSV or JSON download, streamed page by page. A POST from the audit
 * page's form, since exporting is recorded: a link or another site must not cause it.
 */
export async function POST(request: NextRequest) {
  let locale = languageOf(request);
  let t = translatorFor(locale);
  const crossSite = crossSiteReason(request.headers);
  if (crossSite !== null) return new Response(t("audit.exportRefused.crossSite", { reason: crossSite }), { status: 403 });
  const identity = await resolveRequest();
  if (identity === null) return new Response(t("audit.exportRefused.signIn"), { status: 401 });
  locale = languageOf(request, identity.language);
  t = translatorFor(locale);
  if (identity.roleEnded !== null) {
    // Meant for the delegating account's trail: never export the caller's own one instead.
    await clearRoleCookie(identity.roleEnded);
    return new Response(t("audit.exportRefused.roleEnded", { notice: inWords(locale, identity.roleEnded) }), { status: 409 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response(t("audit.exportRefused.notForm"), { status: 400 });
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
    if (error instanceof AccessDeniedError) return new Response(inWords(locale, error.message), { status: 403 });
    if (error instanceof DomainError) return new Response(inWords(locale, error.message), { status: 400 });
    throw error;
  }
  const header = translatedHeader((column) => t(`audit.csv.${column}`));
  // The byte-order mark tells spreadsheet programs the file is UTF-8 (names and Chinese headers stay readable).
  const stream = exportBody(
    events,
    first,
    format === "csv"
      ? { opening: `\uFEFF${header}`, row: csvRow, closing: "" }
      : { opening: "[\n", row: (e, i) => `${i > 0 ? ",\n" : ""}${JSON.stringify(jsonRecord(e))}`, closing: "\n]\n" },
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${identity.caller.accountName}-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
