import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { agencyManagement } from "@/lib/agencies/management";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { attachablePolicies } from "@/lib/iam/policies";
import { CreateAgencyWizard } from "./create-agency-wizard";

export const metadata: Metadata = { title: "Create Agency" };

export default async function CreateAgencyPage() {
  const result = await load(async (db, caller) => ({
    blockedBy: (await agencyManagement(db, caller)).blockedBy,
    policies: await attachablePolicies(db, caller),
    regions: await listRegions(db),
    projects: await listEnterpriseProjects(db, caller),
  }));
  if (!result.ok) return <AccessDenied message={result.message} />;
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
