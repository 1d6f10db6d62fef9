import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { DialogPanel } from "@/components/dialog-panel";
import { PermissionsTable } from "@/components/permissions-table";
import { SwitchRoleLink } from "@/components/switch-role-link";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { getAgency } from "@/lib/agencies/agencies";
import { agencyManagement } from "@/lib/agencies/management";
import { describeValidity } from "@/lib/agencies/validity";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { attachablePolicies } from "@/lib/iam/policies";
import { listActiveRoleSessions } from "@/lib/roles/role-sessions";
import { deleteAgencyAction, endRoleSessionAction, removeAgencyPermissionAction } from "../actions";
import { AddPermissionsForm } from "./add-permissions-form";
import { EditAgencyForm } from "./edit-agency-form";
import { utcMinute } from "@/lib/format";
import { id } from "@/lib/validation";

export const metadata: Metadata = { title: "Agency" };

export default async function AgencyPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencyId } = await params;
  // The list's Modify opens the form at once.
  const modify = (await searchParams).modify === "1";
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("agency").safeParse(agencyId).success) notFound();
  const result = await load(async (db, caller) => {
    // The agency is read first (a refusal or an unknown id ends the page); the rest is independent.
    const found = await getAgency(db, caller, agencyId);
    const [management, sessions, policies, regions, projects] = await Promise.all([
      agencyManagement(db, caller),
      listActiveRoleSessions(db, caller, agencyId),
      attachablePolicies(db, caller),
      listRegions(db),
      listEnterpriseProjects(db, caller),
    ]);
    const name = found.agency.name;
    const may = {
      update: management.may("update", name),
      delete: management.may("delete", name),
      revokeSession: management.may("revokeSession", name),
      blockedBy: management.blockedBy,
    };
    return { ...found, may, sessions, policies, regions, projects };
  });
  const breadcrumb = (name: string) => <Breadcrumb parent="Agencies" href="/agencies" current={name} />;
  if (!result.ok) {
    return (
      <>
        {breadcrumb("Agency")}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { agency, delegatedAccountName, permissions, sessions, policies, regions, projects, may } = result.data;
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  const info: [string, string][] = [
    ["Agency name", agency.name],
    ["Agency ID", agency.id],
    ["Agency type", agency.type === "account" ? "Account" : "Cloud service"],
    [agency.type === "account" ? "Delegated account" : "Cloud service", (agency.type === "account" ? delegatedAccountName : agency.service) ?? "—"],
    ["Validity period", describeValidity(agency.expiresAt, new Date())],
    ["Description", agency.description || "—"],
    ["Created", utcMinute(agency.createdAt)],
  ];
  const sections = [
    ["basic-information", "Basic Information"],
    ...(agency.type === "account" ? [["switch-role-link", "Switch role link"]] : []),
    ["permissions", "Permissions"],
    ["active-sessions", "Active Sessions"],
  ];
  return (
    <>
      {breadcrumb(agency.name)}
      <PageHeader
        title={agency.name}
        actions={
          <div className="flex gap-2">
            {may.update && (
              <DialogPanel trigger="Modify" title="Modify Agency" defaultOpen={modify}>
                <EditAgencyForm agency={agency} />
              </DialogPanel>
            )}
            {may.delete && (
              <ConfirmAction
                action={deleteAgencyAction}
                fields={{ agencyId: agency.id }}
                trigger="Delete Agency"
                triggerVariant="secondary"
                title="Delete Agency"
                confirmLabel="Delete"
                message={`Delete agency ${agency.name}? The delegated party loses access at once, and every session that uses it ends.`}
              />
            )}
          </div>
        }
      />
      {may.blockedBy !== null && (
        <div className="mb-4">
          <Alert tone="info" title="View only">
            {may.blockedBy}
          </Alert>
        </div>
      )}
      <nav aria-label="Sections of this agency" className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map(([id, title]) => (
          <a key={id} href={`#${id}`} className="text-blue-700 hover:underline">
            {title}
          </a>
        ))}
      </nav>
      <div className="max-w-5xl">
        <div className="space-y-4">
          <Panel title="Basic Information" id="basic-information">
            <DetailsList items={info} monospace={["Agency ID"]} />
          </Panel>
          {agency.type === "account" && (
            <Panel title="Switch role link" id="switch-role-link">
              <SwitchRoleLink account={result.caller.accountName} agency={agency.name} />
            </Panel>
          )}
          <Panel
            title="Permissions"
            id="permissions"
            actions={
              may.update && (
                <DialogPanel trigger="Add Permissions" title="Add Permissions">
                  <AddPermissionsForm
                    agencyId={agency.id}
                    policies={policies.filter((p) => !permissions.some((held) => held.policyId === p.id))}
                    regions={regions.map((r) => ({ id: r.id, label: `${r.id} (${r.name})` }))}
                    projects={projects.map((p) => ({ id: p.id, label: p.name }))}
                  />
                </DialogPanel>
              )
            }
          >
            <PermissionsTable
              permissions={permissions}
              projectNames={projectNames}
              remove={may.update ? removeAgencyPermissionAction : undefined}
              removeFields={(p) => ({ agencyId: agency.id, permissionId: p.id })}
              holder={`agency ${agency.name}`}
            />
          </Panel>
          <Panel title="Active Sessions" id="active-sessions">
            <Table label="Active sessions">
              <thead>
                <tr>
                  <Th>Delegated user</Th>
                  <Th>Switched in</Th>
                  <Th>Last active</Th>
                  {may.revokeSession && <OperationTh />}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sessions.length === 0 && <EmptyRow columns={may.revokeSession ? 4 : 3}>Nobody is using this agency now.</EmptyRow>}
                {sessions.map((s) => {
                  const who = s.userName === null ? `${s.principalAccount} (root user)` : `${s.userName}@${s.principalAccount}`;
                  return (
                    <tr key={s.id}>
                      <Td className="font-medium">{who}</Td>
                      <Td>{utcMinute(s.startedAt)}</Td>
                      <Td>{utcMinute(s.lastSeenAt)}</Td>
                      {may.revokeSession && (
                        <OperationTd>
                          <ConfirmAction
                            action={endRoleSessionAction}
                            fields={{ agencyId: agency.id, roleSessionId: s.id }}
                            trigger="End Session"
                            triggerLabel={`End session of ${who}`}
                            title="End Session"
                            message={`End the session of ${who} in agency ${agency.name}? Their next click returns them to their own account.`}
                            confirmLabel="End Session"
                          />
                        </OperationTd>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </Panel>
        </div>
      </div>
    </>
  );
}
