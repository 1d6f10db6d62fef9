import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { agencyManagement, requireAgencyCreation } from "@/lib/agencies/management";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { attachablePolicies } from "@/lib/iam/policies";
import { CreateAgencyWizard } from "./create-agency-wizard";

export const metadata: Metadata = { title: "Create Agency" };

export default async function CreateAgencyPage() {
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
        <Breadcrumb parent="Agencies" href="/agencies" current="Create Agency" />
        <PageHeader title="Create Agency" />
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { policies, regions, projects, blockedBy } = result.data;
  if (blockedBy !== null) return <AccessDenied message={blockedBy} />;
  return (
    <>
      <Breadcrumb parent="Agencies" href="/agencies" current="Create Agency" />
      <PageHeader title="Create Agency" />
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
