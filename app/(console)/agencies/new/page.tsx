import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { agencyManagement, requireAgencyCreation } from "@/lib/agencies/management";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { attachablePolicies } from "@/lib/iam/policies";
import { CreateAgencyWizard } from "./create-agency-wizard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("create") };
}

export default async function CreateAgencyPage() {
  const t = await getTranslations("agencies");
  const result = await load(async (db, caller) => {
    // Refused before step 1, not after the caller has filled it in.
    await requireAgencyCreation(db, caller);
    const [management, policies, regions, projects] = await Promise.all([
      agencyManagement(db, caller),
      attachablePolicies(db, caller),
      listRegions(db),
      listEnterpriseProjects(db, caller),
    ]);
    return { blockedBy: management.blockedBy, policies, regions, projects };
  });
  if (!result.ok) {
    return (
      <>
        <Breadcrumb parent={t("title")} href="/agencies" current={t("create")} />
        <PageHeader title={t("create")} />
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { policies, regions, projects, blockedBy } = result.data;
  if (blockedBy !== null) return <AccessDenied message={blockedBy} />;
  return (
    <>
      <Breadcrumb parent={t("title")} href="/agencies" current={t("create")} />
      <PageHeader title={t("create")} />
      <div className="max-w-3xl">
        <CreateAgencyWizard
          policies={policies}
          regions={regions.map((r) => ({ id: r.id, label: `${r.id} (${r.name})` }))}
          projects={projects.map((p) => ({ id: p.id, label: p.name }))}
        />
      </div>
    </>
  );
}
