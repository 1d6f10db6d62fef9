import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { DirectoryTree } from "@/components/directory-tree";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { multiAccountView } from "@/lib/rd/delegated-admins";

export const metadata: Metadata = { title: "Multi-account Module" };

export default async function MultiAccountPage({ params }: { params: Promise<{ service: string }> }) {
  const { service } = await params;
  const result = await load((db, caller) => multiAccountView(db, caller, service));
  return (
    <>
      <Breadcrumb parent="Delegated Administration" href="/delegated-admin" current={result.ok ? result.data.service.name : service} />
      {!result.ok ? (
        <>
          <PageHeader title="Multi-account Module" />
          <AccessDenied message={result.message} denied={result.denied} />
        </>
      ) : (
        <>
          <PageHeader
            title={`${result.data.service.name}: Multi-account Management`}
            description={`The resource directory of ${result.data.managementName}, as its delegated administrator account sees it (read-only).`}
          />
          <div className="max-w-3xl">
            <Panel title="Resource directory">
              <DirectoryTree folders={result.data.folders} members={result.data.members} />
            </Panel>
          </div>
        </>
      )}
    </>
  );
}
