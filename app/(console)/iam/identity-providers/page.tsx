import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { DateTime } from "@/components/date-time";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listIdentityProviders } from "@/lib/federation/providers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.providers");
  return { title: t("title") };
}

export default async function IdentityProvidersPage() {
  const t = await getTranslations("iam.providers");
  const result = await load(listIdentityProviders);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/iam/identity-providers/new" className={buttonClass("primary")}>
            {t("create")}
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
              <Th>{t("columns.status")}</Th>
              <Th>{t("columns.issuer")}</Th>
              <Th>{t("columns.users")}</Th>
              <Th>{t("columns.lastSignIn")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.data.length === 0 && <EmptyRow columns={5}>{t("empty")}</EmptyRow>}
            {result.data.map((provider) => (
              <tr key={provider.id}>
                <Td>
                  <Link href={`/iam/identity-providers/${provider.id}`} className="font-medium text-blue-700 hover:underline">
                    {provider.name}
                  </Link>
                </Td>
                <Td>{t(provider.enabled ? "status.enabled" : "status.disabled")}</Td>
                <Td className="font-mono text-xs">{provider.issuer}</Td>
                <Td>{provider.federatedUsers}</Td>
                <Td>{provider.lastSignInAt === null ? t("never") : <DateTime value={provider.lastSignInAt} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
