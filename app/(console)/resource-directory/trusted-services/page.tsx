import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { listTrustedServices } from "@/lib/rd/delegated-admins";

export const metadata: Metadata = { title: "Trusted Services" };

export default async function TrustedServicesPage() {
  const result = await load(listTrustedServices);
  return (
    <>
      <PageHeader
        title="Trusted Services"
        description="Cloud services that can access the structure and members of your resource directory. Some support delegated administrator accounts, which run the service's business for the whole directory."
      />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <Table label="Trusted services">
          <thead>
            <tr>
              <Th>Trusted service</Th>
              <Th>Description</Th>
              <Th>Trusted access</Th>
              <Th>Delegated administrator</Th>
              <OperationTh />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.data.map((service) => (
              <tr key={service.principal}>
                <Td className="font-medium">{service.name}</Td>
                <Td className="max-w-md text-slate-600">{service.description}</Td>
                <Td>{service.trustedAccess ? <span className="text-green-700">Enabled</span> : <span className="text-slate-500">Disabled</span>}</Td>
                <Td>
                  {service.maxDelegatedAdmins === null ? "Not supported" : `Supported (${service.delegatedAdmins} of at most ${service.maxDelegatedAdmins})`}
                </Td>
                <OperationTd>
                  <Link
                    href={`/resource-directory/trusted-services/${service.principal}`}
                    className="text-blue-700 hover:underline"
                    aria-label={`Manage ${service.name}`}
                  >
                    Manage
                  </Link>
                </OperationTd>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
