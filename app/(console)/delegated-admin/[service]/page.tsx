import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { checkedSearch } from "@/app/_lib/search";
import { AccessDenied } from "@/components/access-denied";
import { DirectoryBrowser } from "@/components/directory-browser";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { multiAccountView } from "@/lib/rd/delegated-admins";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("delegatedAdmin");
  return { title: t("moduleTitle") };
}

export default async function MultiAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ service: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { service } = await params;
  const { query, searchError } = await checkedSearch(await searchParams);
  const t = await getTranslations("delegatedAdmin");
  const result = await load((db, caller) => multiAccountView(db, caller, service, query));
  return (
    <>
      <Breadcrumb parent={t("title")} href="/delegated-admin" current={result.ok ? result.data.service.name : service} />
      {!result.ok ? (
        <>
          <PageHeader title={t("moduleTitle")} />
          <AccessDenied message={result.message} denied={result.denied} />
        </>
      ) : (
        <>
          <PageHeader
            title={t("managementTitle", { name: result.data.service.name })}
            description={t("managementDescription", { name: result.data.managementName })}
          />
          <div className="max-w-3xl">
            <Panel title={t("resourceDirectory")}>
              <DirectoryBrowser view={result.data} href={`/delegated-admin/${encodeURIComponent(result.data.service.principal)}`} searchError={searchError} />
            </Panel>
          </div>
        </>
      )}
    </>
  );
}
