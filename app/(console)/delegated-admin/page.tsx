import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { myDelegatedServices } from "@/lib/rd/delegated-admins";
import { getTranslations } from "next-intl/server";
import { type DomainWords, serviceDescription } from "@/components/catalogue-description";
import { DateTime } from "@/components/date-time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("delegatedAdmin");
  return { title: t("title") };
}

export default async function DelegatedAdminPage() {
  const t = await getTranslations("delegatedAdmin");
  const tc = await getTranslations("common");
  const domain = (await getTranslations("domain")) as unknown as DomainWords;
  const result = await load(myDelegatedServices);
  const header = <PageHeader title={t("title")} description={t("description")} />;
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
      <Table label={t("table")}>
        <thead>
          <tr>
            <Th>{t("trustedService")}</Th>
            <Th>{tc("description_label")}</Th>
            <Th>{t("since")}</Th>
            <OperationTh />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {services.length === 0 && <EmptyRow columns={4}>{t("empty")}</EmptyRow>}
          {services.map((s) => (
            <tr key={s.principal}>
              <Td className="font-medium">{s.name}</Td>
              <Td className="text-slate-600">{serviceDescription(domain, s)}</Td>
              <Td>
                <DateTime value={s.registeredAt} precision="date" />
              </Td>
              <OperationTd>
                <Link href={`/delegated-admin/${s.principal}`} className="text-blue-700 hover:underline" aria-label={t("openModule", { name: s.name })}>
                  {t("module")}
                </Link>
              </OperationTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
