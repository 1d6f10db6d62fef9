import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { CopyButton } from "@/components/copy-button";
import { describeScope } from "@/components/scope-label";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { agencyFindings } from "@/lib/access/findings";
import { getAgency } from "@/lib/agencies/agencies";
import { listEnterpriseProjects } from "@/lib/catalogue";
import { id } from "@/lib/validation";

export const metadata: Metadata = { title: "Agency Created" };

export default async function AgencyCreatedPage({ params }: { params: Promise<{ agencyId: string }> }) {
  const { agencyId } = await params;
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("agency").safeParse(agencyId).success) notFound();
  const result = await load(async (db, caller) => ({ ...(await getAgency(db, caller, agencyId)), projects: await listEnterpriseProjects(db, caller) }));
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const { agency, permissions, projects } = result.data;
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  // The review's warnings, repeated where the agency is handed over.
  const warnings = agencyFindings(agency, permissions, null, new Date());
  const permissionText = permissions.map((p) => `${p.policyName} (${describeScope(p.scopeKind, p.scopeValues, projectNames)})`);
  const handover = [
    `Account name: ${result.caller.accountName}`,
    `Agency name: ${agency.name}`,
    `Agency ID: ${agency.id}`,
    `Permissions: ${permissionText.join("; ")}`,
  ].join("\n");
  return (
    <>
      <PageHeader title="Agency Created" />
      <div className="max-w-3xl space-y-4">
        <Alert tone="success" title={`Agency ${agency.name} created.`}>
          Provide your account name, agency name, agency ID, and agency permissions to the delegated party. The delegated party can then switch the role to your
          account and manage specific resources based on the assigned permissions.
        </Alert>
        {warnings.length > 0 && (
          <Alert tone="warning" title="Least privilege">
            <ul className="list-disc pl-4">
              {warnings.map((w) => (
                <li key={w.kind + w.message}>{w.message}</li>
              ))}
            </ul>
          </Alert>
        )}
        <Panel title="For the delegated party">
          <dl aria-label="Agency handover" className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">Account name</dt>
            <dd>{result.caller.accountName}</dd>
            <dt className="text-slate-500">Agency name</dt>
            <dd>{agency.name}</dd>
            <dt className="text-slate-500">Agency ID</dt>
            <dd className="font-mono text-xs">{agency.id}</dd>
            <dt className="text-slate-500">Permissions</dt>
            <dd>
              <ul>
                {permissionText.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </dd>
          </dl>
          <div className="mt-4">
            <CopyButton text={handover} label="Copy details" />
          </div>
        </Panel>
        <div className="flex gap-2">
          <Link href={`/agencies/${agency.id}`} className={buttonClass("secondary")}>
            View Agency
          </Link>
          <Link href="/agencies" className={buttonClass("primary")}>
            Back to Agency List
          </Link>
        </div>
      </div>
    </>
  );
}
