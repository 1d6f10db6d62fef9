import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { InlineAction } from "@/components/inline-action";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getDirectoryOverview } from "@/lib/rd/directory";
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { enableDirectoryAction, leaveDirectoryAction, respondToInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rd");
  return { title: t("title") };
}

export default async function ResourceDirectoryPage() {
  const t = await getTranslations("rd");
  const result = await load(getDirectoryOverview);
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!result.ok) {
    return (
      <>
        {header}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const view = result.data;
  return (
    <>
      {header}
      <div className="max-w-3xl space-y-4">
        {view.invitations.length > 0 && (
          <Panel title={t("overview.invitations")}>
            <ul className="space-y-2 text-sm">
              {view.invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center gap-3">
                  <span>{t.rich("overview.invites", { name: invitation.managementName, strong: (c) => <strong>{c}</strong> })}</span>
                  <InlineAction
                    action={respondToInvitationAction}
                    fields={{ invitationId: invitation.id, accept: "yes" }}
                    label={t("overview.accept")}
                    variant="primary"
                  />
                  <InlineAction
                    action={respondToInvitationAction}
                    fields={{ invitationId: invitation.id, accept: "no" }}
                    label={t("overview.decline")}
                    variant="secondary"
                  />
                </li>
              ))}
            </ul>
          </Panel>
        )}
        {view.role === "none" && (
          <Panel title={t("overview.enableTitle")}>
            <p className="mb-3 text-sm text-slate-700">{t("overview.enableText")}</p>
            <InlineAction action={enableDirectoryAction} fields={{}} label={t("overview.enableTitle")} variant="primary" />
          </Panel>
        )}
        {view.role === "member" && (
          <Panel title={t("overview.membership")}>
            <p className="mb-3 text-sm text-slate-700">
              {t.rich("overview.memberOf", {
                name: view.managementName,
                strong: (c) => <strong>{c}</strong>,
                date: () => <DateTime value={view.joinedAt} precision="date" />,
              })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Link href="/delegated-admin" className={buttonClass("secondary")}>
                {t("overview.delegatedAdministration")}
              </Link>
              <ConfirmAction
                action={leaveDirectoryAction}
                fields={{}}
                trigger={t("overview.leave")}
                triggerVariant="secondary"
                title={t("overview.leave")}
                confirmLabel={t("overview.leaveConfirm")}
                message={t("overview.leaveMessage", { name: view.managementName })}
              />
            </div>
          </Panel>
        )}
        {view.role === "management" && (
          <>
            <Alert tone="info">{t("overview.isManagement")}</Alert>
            <Panel title={t("overview.overview")}>
              <DetailsList
                monospace={[t("overview.directoryId")]}
                items={[
                  [
                    t("managementAccount"),
                    <>
                      {result.caller.accountName} <span className="font-mono text-xs text-slate-500">({result.caller.accountId})</span>
                    </>,
                  ],
                  [t("overview.directoryId"), view.directory.id],
                  [t("overview.folders"), view.counts.folders],
                  [t("overview.memberAccounts"), view.counts.members],
                  [t("overview.delegatedAdmins"), view.counts.delegatedAdmins],
                  [t("overview.pendingInvitations"), view.counts.pendingInvitations],
                ]}
              />
              <div className="mt-4 flex gap-2">
                <Link href="/resource-directory/structure" className={buttonClass("secondary")}>
                  {t("membersAndFolders")}
                </Link>
                <Link href="/resource-directory/trusted-services" className={buttonClass("secondary")}>
                  {t("trustedServices")}
                </Link>
              </div>
            </Panel>
          </>
        )}
      </div>
    </>
  );
}
