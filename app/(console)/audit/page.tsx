import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inWords } from "@/messages/words";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { DateTime } from "@/components/date-time";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { auditQuery, listAuditEvents } from "@/lib/audit-trail";
import { z } from "zod";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Params = Record<string, string | string[] | undefined>;
const filterNames = ["actor", "agency", "action", "decision", "from", "to"] as const;

function filtersOf(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of filterNames) {
    const v = params[name];
    if (typeof v === "string" && v.trim() !== "") out[name] = v.trim();
  }
  return out;
}

const withFilters = (filters: Record<string, string>, extra: Record<string, string> = {}) => `?${new URLSearchParams({ ...filters, ...extra }).toString()}`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const t = await getTranslations("audit");
  const locale = await getLocale();
  const words = (message: string) => inWords(locale, message);
  const filters = filtersOf(params);
  const parsed = auditQuery.safeParse({ ...filters, before: params.before });
  const fieldErrors: Record<string, string[] | undefined> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const result = parsed.success ? await load((db, caller) => listAuditEvents(db, caller, parsed.data)) : null;
  const field = (name: (typeof filterNames)[number], label: string, type = "text") => (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Input
        id={`audit-${name}`}
        name={name}
        type={type}
        defaultValue={filters[name] ?? ""}
        aria-invalid={Boolean(fieldErrors[name])}
        aria-describedby={fieldErrors[name] ? `audit-${name}-error` : undefined}
      />
      {fieldErrors[name] && (
        <p id={`audit-${name}-error`} className="text-xs text-red-700">
          {fieldErrors[name]!.map(words).join(" ")}
        </p>
      )}
    </div>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          // A POST, not a link: exporting is recorded, so only this page (same origin) may cause it.
          parsed.success && (
            <form method="post" action="/api/audit/export" aria-label={t("export.label")} className="flex gap-2">
              {Object.entries(filters).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" name="format" value="csv" className={buttonClass("secondary")}>
                {t("export.csv")}
              </button>
              <button type="submit" name="format" value="json" className={buttonClass("secondary")}>
                {t("export.json")}
              </button>
            </form>
          )
        }
      />
      <search aria-label={t("filters.label")} className="mb-4">
        <form className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-7">
          {field("actor", t("filters.actor"))}
          {field("agency", t("filters.agency"))}
          {field("action", t("filters.action"))}
          <div>
            <label htmlFor="audit-decision" className="block text-xs font-medium text-slate-600">
              {t("filters.decision")}
            </label>
            <Select id="audit-decision" name="decision" defaultValue={filters.decision ?? ""}>
              <option value="">{t("filters.any")}</option>
              <option value="allow">{t("decisions.allow")}</option>
              <option value="deny">{t("decisions.deny")}</option>
            </Select>
          </div>
          {field("from", t("filters.from"), "datetime-local")}
          {field("to", t("filters.to"), "datetime-local")}
          <div className="flex items-end gap-2">
            <button type="submit" className={buttonClass("primary")}>
              {t("filters.submit")}
            </button>
            <Link href="/audit" className={buttonClass("secondary")}>
              {t("filters.reset")}
            </Link>
          </div>
        </form>
      </search>
      {result === null ? (
        <Alert tone="error">{t("filters.invalid")}</Alert>
      ) : !result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <>
          <Table label={t("tableLabel")}>
            <thead>
              <tr>
                <Th>{t("columns.time")}</Th>
                <Th>{t("columns.actor")}</Th>
                <Th>{t("columns.agency")}</Th>
                <Th>{t("columns.action")}</Th>
                <Th>{t("columns.target")}</Th>
                <Th>{t("columns.decision")}</Th>
                <Th>{t("columns.details")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.events.length === 0 && <EmptyRow columns={7}>{t("empty")}</EmptyRow>}
              {result.data.events.map((event) => (
                <tr key={event.id}>
                  <Td className="whitespace-nowrap">
                    <DateTime value={event.at} precision="second" />
                  </Td>
                  <Td>
                    <Link href={withFilters({ ...filters, actor: event.actor })} className="hover:underline">
                      {event.actor}
                    </Link>
                  </Td>
                  <Td>
                    {event.agencyName ? (
                      <Link href={withFilters({ ...filters, agency: event.agencyName })} className="hover:underline">
                        {event.agencyName}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td>
                    <span className="font-mono text-xs">{event.action}</span>
                    <span className="block text-xs text-slate-500">{words(`domain.actions.${event.action}`)}</span>
                  </Td>
                  <Td>{event.target}</Td>
                  <Td className={event.decision === "deny" ? "font-medium text-red-700" : "text-green-700"}>
                    {t(event.decision === "deny" ? "decisions.deny" : "decisions.allow")}
                  </Td>
                  <Td>
                    <Link href={`/audit/${event.id}`} className="text-blue-700 hover:underline" aria-label={t("viewLabel", { id: String(event.id) })}>
                      {t("view")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label={t("pages.label")} className="mt-3 flex gap-2 text-sm">
            {parsed.success && parsed.data.before !== undefined && (
              <Link href={withFilters(filters)} className={buttonClass("secondary")}>
                {t("pages.newest")}
              </Link>
            )}
            {result.data.nextBefore !== null && (
              <Link href={withFilters(filters, { before: String(result.data.nextBefore) })} className={buttonClass("secondary")}>
                {t("pages.older")}
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
