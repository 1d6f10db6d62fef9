import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { DirectoryTree } from "@/components/directory-tree";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { multiAccountView } from "@/lib/rd/delegated-admins";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("delegatedAdmin");
  return { title: t("moduleTitle") };
}

export default async function MultiAccountPage({ params }: { params: Promise<{ service: string }> }) {
  const { service } = await params;
  const t = await getTranslations("delegatedAdmin");
  const result = await load((db, caller) => multiAccountView(db, caller, service));
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
              <DirectoryTree folders={result.data.folders} members={result.data.members} />
            </Panel>
          </div>
        </>
      )}
    </>
  );
}
