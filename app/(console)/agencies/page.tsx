import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inWords } from "@/messages/words";
import { load } from "@/app/_lib/read";
import { checkedSearch } from "@/app/_lib/search";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("title") };
}

// The list's defaults are the schema's own: a link carries only what differs from them.
const { type, status, sort, dir } = agencyListQuery.parse({});
const defaultFilters = { type, status, sort, dir };

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("agencies");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const { query, searchError } = await checkedSearch(params);
  const result = await load(async (db, caller) => ({
    ...(await listAgencies(db, caller, query)),
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
        title={t("title")}
        description={t("description")}
        actions={
          may?.may("create") ? (
            <Link href="/agencies/new" className={buttonClass("primary")}>
              {t("create")}
            </Link>
          ) : may?.blockedBy ? (
            <p className="max-w-sm text-sm text-slate-600">{inWords(locale, may.blockedBy)}</p>
          ) : null
        }
      />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <>
          <search className="mb-3 max-w-3xl">
            <form className="flex flex-wrap gap-2" action="/agencies">
              <label htmlFor="agency-search" className="sr-only">
                {t("list.searchLabel")}
              </label>
              <Input
                id="agency-search"
                name="q"
                type="search"
                placeholder={t("list.searchLabel")}
                defaultValue={result.data.q}
                aria-invalid={Boolean(searchError)}
                aria-describedby={searchError ? "agency-search-error" : undefined}
              />
              <label className="sr-only" htmlFor="agency-type">
                {t("labels.type")}
              </label>
              <Select id="agency-type" name="type" defaultValue={result.data.filters.type} className="w-auto">
                <option value="all">{t("list.allTypes")}</option>
                <option value="account">{t("type.account")}</option>
                <option value="service">{t("type.service")}</option>
              </Select>
              <label className="sr-only" htmlFor="agency-status">
                {common("status")}
              </label>
              <Select id="agency-status" name="status" defaultValue={result.data.filters.status} className="w-auto">
                <option value="all">{t("list.allStatuses")}</option>
                <option value="active">{t("validity.active")}</option>
                <option value="expiring">{t("list.expiringWithin", { days: EXPIRING_DAYS })}</option>
                <option value="expired">{t("validity.expired")}</option>
              </Select>
              <button type="submit" className={buttonClass("secondary")}>
                {common("search")}
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
            sortLinks={sortLinks(result.data.filters, keep, { name: t("labels.name"), expiry: t("labels.validity"), created: common("created") })}
            empty={result.data.q || filtered ? t("list.noMatch") : t("list.none")}
          />
          <Pagination label={t("list.pages")} previous={result.data.previous} next={result.data.next} count={result.data.count} params={keep} />
        </>
      )}
    </>
  );
}

type Filters = { type: string; status: string; sort: string; dir: string };

type SortKey = "name" | "expiry" | "created";

/** Each sortable column's link: the first click sorts ascending (created: newest first), the next one reverses. */
function sortLinks(filters: Filters, keep: Record<string, string>, labels: Record<SortKey, string>): Record<SortKey, SortLink> {
  const link = (key: SortKey, first: "asc" | "desc"): SortLink => {
    const current = filters.sort === key;
    const dir = current ? (filters.dir === "asc" ? "desc" : "asc") : first;
    return {
      label: labels[key],
      href: `?${new URLSearchParams({ ...keep, sort: key, dir })}`,
      sorted: current ? (filters.dir === "asc" ? "ascending" : "descending") : null,
    };
  };
  return { name: link("name", "asc"), expiry: link("expiry", "asc"), created: link("created", "desc") };
}
