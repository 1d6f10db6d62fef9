import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { myDelegatedServices } from "@/lib/rd/delegated-admins";
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "Delegated Administration" };

export default async function DelegatedAdminPage() {
  const result = await load(myDelegatedServices);
  const header = (
    <PageHeader
      title="Delegated Administration"
      description="Trusted services for which the management account of your resource directory made this account a delegated administrator account."
    />
  );
  if (!result.ok) {
    return (
      <>
        {header}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const services = result.data;
  return (
    <>
      {header}
      <Table label="Services you administer">
        <thead>
          <tr>
            <Th>Trusted service</Th>
            <Th>Description</Th>
            <Th>Since</Th>
            <OperationTh />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {services.length === 0 && <EmptyRow columns={4}>This account is not a delegated administrator account of any trusted service.</EmptyRow>}
          {services.map((s) => (
            <tr key={s.principal}>
              <Td className="font-medium">{s.name}</Td>
              <Td className="text-slate-600">{s.description}</Td>
              <Td>{utcDate(s.registeredAt)}</Td>
              <OperationTd>
                <Link href={`/delegated-admin/${s.principal}`} className="text-blue-700 hover:underline" aria-label={`Open the ${s.name} multi-account module`}>
                  Multi-account module
                </Link>
              </OperationTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
