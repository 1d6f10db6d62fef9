import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { getTranslations } from "next-intl/server";
import { type DomainWords, serviceDescription } from "@/components/catalogue-description";
import { listTrustedServices } from "@/lib/rd/delegated-admins";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rd");
  return { title: t("trustedServices") };
}

export default async function TrustedServicesPage() {
  const t = await getTranslations("rd");
  const tc = await getTranslations("common");
  const domain = (await getTranslations("domain")) as unknown as DomainWords;
  const result = await load(listTrustedServices);
  return (
    <>
      <PageHeader title={t("trustedServices")} description={t("trusted.description")} />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <Table label={t("trusted.table")}>
          <thead>
            <tr>
              <Th>{t("trustedService")}</Th>
              <Th>{tc("description_label")}</Th>
              <Th>{t("trusted.trustedAccess")}</Th>
              <Th>{t("trusted.delegatedAdmin")}</Th>
              <OperationTh />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.data.map((service) => (
              <tr key={service.principal}>
                <Td className="font-medium">{service.name}</Td>
                <Td className="max-w-md text-slate-600">{serviceDescription(domain, service)}</Td>
                <Td>
                  {service.trustedAccess ? <span className="text-green-700">{t("enabled")}</span> : <span className="text-slate-500">{t("disabled")}</span>}
                </Td>
                <Td>
                  {service.maxDelegatedAdmins === null
                    ? t("trusted.notSupported")
                    : t("trusted.supported", { count: service.delegatedAdmins, max: service.maxDelegatedAdmins })}
                </Td>
                <OperationTd>
                  <Link
                    href={`/resource-directory/trusted-services/${service.principal}`}
                    className="text-blue-700 hover:underline"
                    aria-label={t("trusted.manageLabel", { name: service.name })}
                  >
                    {t("trusted.manage")}
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
