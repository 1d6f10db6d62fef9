import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { agencyManagement } from "@/lib/agencies/management";
import { listAgencies } from "@/lib/agencies/agencies";
import { agencyListQuery } from "@/lib/agencies/schemas";
import { ValidityStatus } from "@/components/validity-status";
import { deleteAgencyAction } from "./actions";
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "Agencies" };

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // A search the domain would refuse (control characters, too long) is shown at the search field over the full list.
  const search = agencyListQuery.safeParse({ q: params.q });
  const searchError = search.success ? undefined : search.error.issues[0]?.message;
  const result = await load(async (db, caller) => ({
    ...(await listAgencies(db, caller, { q: searchError ? "" : params.q, page: params.page })),
    may: await agencyManagement(db, caller),
  }));
  const may = result.ok ? result.data.may : null;
  const now = new Date();
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
          <search className="mb-3 max-w-md">
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
          <Table label="Agencies">
            <thead>
              <tr>
                <Th>Agency name</Th>
                <Th>Agency type</Th>
                <Th>Delegated party</Th>
                <Th>Validity period</Th>
                <Th>Description</Th>
                <Th>Created</Th>
                <Th>Operation</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.rows.length === 0 && <EmptyRow columns={7}>{result.data.q ? "No agency matches the search." : "No agencies yet."}</EmptyRow>}
              {result.data.rows.map((agency) => {
                return (
                  <tr key={agency.id}>
                    <Td>
                      <Link href={`/agencies/${agency.id}`} className="font-medium text-blue-700 hover:underline">
                        {agency.name}
                      </Link>
                    </Td>
                    <Td>{agency.type === "account" ? "Account" : "Cloud service"}</Td>
                    <Td>{agency.type === "account" ? agency.delegatedAccountName : agency.service}</Td>
                    <Td>
                      <ValidityStatus expiresAt={agency.expiresAt} now={now} />
                    </Td>
                    <Td className="max-w-xs truncate">{agency.description || "—"}</Td>
                    <Td className="whitespace-nowrap">{utcDate(agency.createdAt)}</Td>
                    <Td>
                      {may?.may("delete", agency.name) && (
                        <ConfirmAction
                          action={deleteAgencyAction}
                          fields={{ agencyId: agency.id }}
                          trigger="Delete"
                          triggerLabel={`Delete agency ${agency.name}`}
                          title="Delete Agency"
                          confirmLabel="Delete"
                          message={`Delete agency ${agency.name}? The delegated party loses access at once, and every session that uses it ends.`}
                        />
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            label="Agency pages"
            page={result.data.page}
            pages={result.data.pages}
            total={result.data.total}
            params={result.data.q ? { q: result.data.q } : {}}
          />
        </>
      )}
    </>
  );
}
