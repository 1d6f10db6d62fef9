import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listPolicies } from "@/lib/iam/policies";
import { type DomainWords, policyDescription } from "@/components/catalogue-description";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.policies");
  return { title: t("title") };
}

export default async function PoliciesPage() {
  const t = await getTranslations("iam.policies");
  const domain = (await getTranslations("domain")) as unknown as DomainWords;
  const result = await load(listPolicies);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/iam/policies/new" className={buttonClass("primary")}>
            {t("createCustom")}
          </Link>
        }
      />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <Table label={t("tableLabel")}>
          <thead>
            <tr>
              <Th>{t("columns.name")}</Th>
              <Th>{t("columns.type")}</Th>
              <Th>{t("columns.description")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.data.map((policy) => (
              <tr key={policy.id}>
                <Td>
                  <Link href={`/iam/policies/${policy.id}`} className="font-medium text-blue-700 hover:underline">
                    {policy.name}
                  </Link>
                </Td>
                <Td>{t(`kinds.${policy.kind}`)}</Td>
                <Td>{policyDescription(domain, policy) || "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
