import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { agencyManagement } from "@/lib/agencies/management";
import { listAgencies } from "@/lib/agencies/agencies";
import { agencyListQuery } from "@/lib/agencies/schemas";
import { AgencyTable, type SortLink } from "./agency-table";
import { EXPIRING_DAYS } from "@/lib/agencies/validity";

export const metadata: Metadata = { title: "Agencies" };

// The list's defaults are the schema's own: a link carries only what differs from them.
const { type, status, sort, dir } = agencyListQuery.parse({});
const defaultFilters = { type, status, sort, dir };

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // A search the domain would refuse (control characters, too long) is shown at the search field over the full list.
  const search = agencyListQuery.safeParse({ q: params.q });
  const searchError = search.success ? undefined : search.error.issues[0]?.message;
  const result = await load(async (db, caller) => ({
    ...(await listAgencies(db, caller, { ...params, q: searchError ? "" : params.q })),
    may: await agencyManagement(db, caller),
  }));
  const may = result.ok ? result.data.may : null;
  // What a sort link, a page link or the search form carries over.
  const keep: Record<string, string> = {};
  if (result.ok) {
    const { q, filters } = result.data;
    if (q) keep.q = q;
    for (const [key, value] of Object.entries(filters)) if (value !== defaultFilters[key as keyof typeof defaultFilters]) keep[key] = value;
  }
  const filtered = result.ok && (result.data.filters.type !== "all" || result.data.filters.status !== "all");
  return (
    <>
      <PageHeader
        title="Agencies"
        description="Share your resources with another account, or delegate a cloud service to access other services, without sharing your security credentials."
        actions={
          may?.may("create") ? (
            <Link href="/agencies/new" className={buttonClass("primary")}>
              Create Agency
            </Link>
          ) : may?.blockedBy ? (
            <p className="max-w-sm text-sm text-slate-600">{may.blockedBy}</p>
          ) : null
        }
      />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <>
          <search className="mb-3 max-w-3xl">
            <form className="flex gap-2" action="/agencies">
              <label htmlFor="agency-search" className="sr-only">
                Search by agency name
              </label>
              <Input
                id="agency-search"
                name="q"
                type="search"
                placeholder="Search by agency name"
                defaultValue={result.data.q}
                aria-invalid={Boolean(searchError)}
                aria-describedby={searchError ? "agency-search-error" : undefined}
              />
              <label className="sr-only" htmlFor="agency-type">
                Agency type
              </label>
              <Select id="agency-type" name="type" defaultValue={result.data.filters.type} className="w-auto">
                <option value="all">All types</option>
                <option value="account">Account</option>
                <option value="service">Cloud service</option>
              </Select>
              <label className="sr-only" htmlFor="agency-status">
                Status
              </label>
              <Select id="agency-status" name="status" defaultValue={result.data.filters.status} className="w-auto">
                <option value="all">All statuses</option>
                <option value="active">Active</option>
                <option value="expiring">Expiring within {EXPIRING_DAYS} days</option>
                <option value="expired">Expired</option>
              </Select>
              <button type="submit" className={buttonClass("secondary")}>
                Search
              </button>
            </form>
          </search>
          {searchError && (
            <p id="agency-search-error" role="alert" className="-mt-2 mb-3 text-sm text-red-700">
              {searchError}
            </p>
          )}
          <AgencyTable
            rows={result.data.rows.map((agency) => ({
              id: agency.id,
              name: agency.name,
              type: agency.type,
              party: (agency.type === "account" ? agency.delegatedAccountName : agency.service) ?? "—",
              expiresAt: agency.expiresAt,
              description: agency.description,
              createdAt: agency.createdAt,
              mayDelete: may?.may("delete", agency.name) ?? false,
              mayUpdate: may?.may("update", agency.name) ?? false,
            }))}
            sortLinks={sortLinks(result.data.filters, keep)}
            empty={result.data.q || filtered ? "No agency matches the search and filters." : "No agencies yet."}
          />
          <Pagination label="Agency pages" page={result.data.page} pages={result.data.pages} total={result.data.total} params={keep} />
        </>
      )}
    </>
  );
}

type Filters = { type: string; status: string; sort: string; dir: string };

/** Each sortable column's link: the first click sorts ascending (created: newest first), the next one reverses. */
function sortLinks(filters: Filters, keep: Record<string, string>): Record<"name" | "expiry" | "created", SortLink> {
  const link = (key: "name" | "expiry" | "created", label: string, first: "asc" | "desc"): SortLink => {
    const current = filters.sort === key;
    const dir = current ? (filters.dir === "asc" ? "desc" : "asc") : first;
    return {
      label,
      href: `?${new URLSearchParams({ ...keep, sort: key, dir })}`,
      sorted: current ? (filters.dir === "asc" ? "ascending" : "descending") : null,
    };
  };
  return { name: link("name", "Agency name", "asc"), expiry: link("expiry", "Validity period", "asc"), created: link("created", "Created", "desc") };
}
