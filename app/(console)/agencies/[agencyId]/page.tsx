import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { inWords } from "@/messages/words";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { DateTime } from "@/components/date-time";
import { DialogPanel } from "@/components/dialog-panel";
import { PermissionsTable } from "@/components/permissions-table";
import { SwitchRoleLink } from "@/components/switch-role-link";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { getAgency } from "@/lib/agencies/agencies";
import { agencyManagement } from "@/lib/agencies/management";
import { isExpired } from "@/lib/agencies/validity";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { attachablePolicies } from "@/lib/iam/policies";
import { listActiveRoleSessions } from "@/lib/roles/role-sessions";
import { deleteAgencyAction, endRoleSessionAction, removeAgencyPermissionAction } from "../actions";
import { AddPermissionsForm } from "./add-permissions-form";
import { EditAgencyForm } from "./edit-agency-form";
import { id } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("agency") };
}

export default async function AgencyPage({
  params,
  searchParams,
}: {
  params: Promise<{ agencyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { agencyId } = await params;
  const t = await getTranslations("agencies");
  const common = await getTranslations("common");
  const locale = await getLocale();
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
  const breadcrumb = (name: string) => <Breadcrumb parent={t("title")} href="/agencies" current={name} />;
  if (!result.ok) {
    return (
      <>
        {breadcrumb(t("agency"))}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { agency, delegatedAccountName, permissions, sessions, policies, regions, projects, may } = result.data;
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  const { expiresAt } = agency;
  const validity =
    expiresAt === null
      ? t("validity.unlimited")
      : isExpired(expiresAt, new Date())
        ? t("validity.expired")
        : t.rich("validity.expiresAt", { date: () => <DateTime value={expiresAt} /> });
  const info: [string, ReactNode][] = [
    [t("labels.name"), agency.name],
    [t("labels.id"), agency.id],
    [t("labels.type"), t(`type.${agency.type}`)],
    [
      agency.type === "account" ? t("labels.delegatedAccount") : t("labels.cloudService"),
      (agency.type === "account" ? delegatedAccountName : agency.service) ?? "—",
    ],
    [t("labels.validity"), validity],
    [common("description_label"), agency.description || "—"],
    [common("created"), <DateTime key="created" value={agency.createdAt} />],
  ];
  const sections = [
    ["basic-information", t("detail.sections.basics")],
    ...(agency.type === "account" ? [["switch-role-link", t("detail.sections.switchRoleLink")]] : []),
    ["permissions", t("detail.sections.permissions")],
    ["active-sessions", t("detail.sections.sessions")],
  ];
  return (
    <>
      {breadcrumb(agency.name)}
      <PageHeader
        title={agency.name}
        actions={
          <div className="flex gap-2">
            {may.update && (
              <DialogPanel trigger={t("table.modify")} title={t("detail.modifyTitle")} defaultOpen={modify}>
                <EditAgencyForm agency={agency} />
              </DialogPanel>
            )}
            {may.delete && (
              <ConfirmAction
                action={deleteAgencyAction}
                fields={{ agencyId: agency.id }}
                trigger={t("table.deleteTitle")}
                triggerVariant="secondary"
                title={t("table.deleteTitle")}
                confirmLabel={common("delete")}
                message={t("table.deleteMessage", { name: agency.name })}
              />
            )}
          </div>
        }
      />
      {may.blockedBy !== null && (
        <div className="mb-4">
          <Alert tone="info" title={t("detail.viewOnly")}>
            {inWords(locale, may.blockedBy)}
          </Alert>
        </div>
      )}
      <nav aria-label={t("detail.sectionsLabel")} className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map(([id, title]) => (
          <a key={id} href={`#${id}`} className="text-blue-700 hover:underline">
            {title}
          </a>
        ))}
      </nav>
      <div className="max-w-5xl">
        <div className="space-y-4">
          <Panel title={t("detail.sections.basics")} id="basic-information">
            <DetailsList items={info} monospace={[t("labels.id")]} />
          </Panel>
          {agency.type === "account" && (
            <Panel title={t("detail.sections.switchRoleLink")} id="switch-role-link">
              <SwitchRoleLink account={result.caller.accountName} agency={agency.name} />
            </Panel>
          )}
          <Panel
            title={t("detail.sections.permissions")}
            id="permissions"
            actions={
              may.update && (
                <DialogPanel trigger={t("detail.addPermissions")} title={t("detail.addPermissions")}>
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
              holder={t("detail.holder", { name: agency.name })}
            />
          </Panel>
          <Panel title={t("detail.sections.sessions")} id="active-sessions">
            <Table label={t("detail.sessionsTable")}>
              <thead>
                <tr>
                  <Th>{t("detail.delegatedUser")}</Th>
                  <Th>{t("detail.switchedIn")}</Th>
                  <Th>{t("detail.lastActive")}</Th>
                  {may.revokeSession && <OperationTh />}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sessions.length === 0 && <EmptyRow columns={may.revokeSession ? 4 : 3}>{t("detail.noSessions")}</EmptyRow>}
                {sessions.map((s) => {
                  const who = s.userName === null ? t("detail.rootUser", { account: s.principalAccount }) : `${s.userName}@${s.principalAccount}`;
                  return (
                    <tr key={s.id}>
                      <Td className="font-medium">{who}</Td>
                      <Td>
                        <DateTime value={s.startedAt} />
                      </Td>
                      <Td>
                        <DateTime value={s.lastSeenAt} />
                      </Td>
                      {may.revokeSession && (
                        <OperationTd>
                          <ConfirmAction
                            action={endRoleSessionAction}
                            fields={{ agencyId: agency.id, roleSessionId: s.id }}
                            trigger={t("detail.endSession")}
                            triggerLabel={t("detail.endSessionLabel", { who })}
                            title={t("detail.endSession")}
                            message={t("detail.endSessionMessage", { who, name: agency.name })}
                            confirmLabel={t("detail.endSession")}
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
