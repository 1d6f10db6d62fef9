import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { auditQuery, listAuditEvents } from "@/lib/audit-trail";
import { z } from "zod";
import { utcSecond } from "@/lib/format";

export const metadata: Metadata = { title: "Audit Trail" };

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
          {fieldErrors[name]!.join(" ")}
        </p>
      )}
    </div>
  );
  return (
    <>
      <PageHeader
        title="Audit Trail"
        description="Every change and every denied attempt in this account, newest first: who acted, through which agency, and what was decided."
        actions={
          // A POST, not a link: exporting is recorded, so only this page (same origin) may cause it.
          parsed.success && (
            <form method="post" action="/api/audit/export" aria-label="Export events" className="flex gap-2">
              {Object.entries(filters).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" name="format" value="csv" className={buttonClass("secondary")}>
                Export CSV
              </button>
              <button type="submit" name="format" value="json" className={buttonClass("secondary")}>
                Export JSON
              </button>
            </form>
          )
        }
      />
      <search aria-label="Filter events" className="mb-4">
        <form className="grid gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-7">
          {field("actor", "Actor (e.g. globex/gina)")}
          {field("agency", "Agency")}
          {field("action", "Action (e.g. ecs:instances:stop)")}
          <div>
            <label htmlFor="audit-decision" className="block text-xs font-medium text-slate-600">
              Decision
            </label>
            <Select id="audit-decision" name="decision" defaultValue={filters.decision ?? ""}>
              <option value="">Any</option>
              <option value="allow">Allowed</option>
              <option value="deny">Denied</option>
            </Select>
          </div>
          {field("from", "From (UTC)", "datetime-local")}
          {field("to", "To (UTC)", "datetime-local")}
          <div className="flex items-end gap-2">
            <button type="submit" className={buttonClass("primary")}>
              Filter
            </button>
            <Link href="/audit" className={buttonClass("secondary")}>
              Reset
            </Link>
          </div>
        </form>
      </search>
      {result === null ? (
        <Alert tone="error">Check the highlighted filters.</Alert>
      ) : !result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <>
          <Table label="Audit events">
            <thead>
              <tr>
                <Th>Time (UTC)</Th>
                <Th>Actor</Th>
                <Th>Agency</Th>
                <Th>Action</Th>
                <Th>Target</Th>
                <Th>Decision</Th>
                <Th>Details</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.events.length === 0 && <EmptyRow columns={7}>No events match.</EmptyRow>}
              {result.data.events.map((event) => (
                <tr key={event.id}>
                  <Td className="whitespace-nowrap">{utcSecond(event.at)}</Td>
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
                  <Td className="font-mono text-xs">{event.action}</Td>
                  <Td>{event.target}</Td>
                  <Td className={event.decision === "deny" ? "font-medium text-red-700" : "text-green-700"}>
                    {event.decision === "deny" ? "Denied" : "Allowed"}
                  </Td>
                  <Td>
                    <Link href={`/audit/${event.id}`} className="text-blue-700 hover:underline" aria-label={`View event ${event.id}`}>
                      View
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label="Audit pages" className="mt-3 flex gap-2 text-sm">
            {parsed.success && parsed.data.before !== undefined && (
              <Link href={withFilters(filters)} className={buttonClass("secondary")}>
                Newest
              </Link>
            )}
            {result.data.nextBefore !== null && (
              <Link href={withFilters(filters, { before: String(result.data.nextBefore) })} className={buttonClass("secondary")}>
                Older
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
