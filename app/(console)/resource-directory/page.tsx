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
import { enableDirectoryAction, leaveDirectoryAction, respondToInvitationAction } from "./actions";
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "Resource Directory" };

export default async function ResourceDirectoryPage() {
  const result = await load(getDirectoryOverview);
  const header = (
    <PageHeader
      title="Resource Directory"
      description="Organize accounts in folders under Root, and register delegated administrator accounts of trusted services."
    />
  );
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
          <Panel title="Invitations">
            <ul className="space-y-2 text-sm">
              {view.invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center gap-3">
                  <span>
                    <strong>{invitation.managementName}</strong> invites your account to join its resource directory.
                  </span>
                  <InlineAction action={respondToInvitationAction} fields={{ invitationId: invitation.id, accept: "yes" }} label="Accept" variant="primary" />
                  <InlineAction action={respondToInvitationAction} fields={{ invitationId: invitation.id, accept: "no" }} label="Decline" variant="secondary" />
                </li>
              ))}
            </ul>
          </Panel>
        )}
        {view.role === "none" && (
          <Panel title="Enable Resource Directory">
            <p className="mb-3 text-sm text-slate-700">
              Your account does not belong to a resource directory. Enable one to become its management account: you can then invite accounts, arrange them in
              folders and register delegated administrator accounts of trusted services.
            </p>
            <InlineAction action={enableDirectoryAction} fields={{}} label="Enable Resource Directory" variant="primary" />
          </Panel>
        )}
        {view.role === "member" && (
          <Panel title="Membership">
            <p className="mb-3 text-sm text-slate-700">
              Your account is a member of the resource directory managed by <strong>{view.managementName}</strong> since {utcDate(view.joinedAt)}.
            </p>
            <div className="flex flex-wrap gap-2">
              <Link href="/delegated-admin" className={buttonClass("secondary")}>
                Delegated Administration
              </Link>
              <ConfirmAction
                action={leaveDirectoryAction}
                fields={{}}
                trigger="Leave Resource Directory"
                triggerVariant="secondary"
                title="Leave Resource Directory"
                confirmLabel="Leave"
                message={`Leave the resource directory of ${view.managementName}? Your account stops being a delegated administrator of every trusted service.`}
              />
            </div>
          </Panel>
        )}
        {view.role === "management" && (
          <>
            <Alert tone="info">Your account is the management account of this resource directory.</Alert>
            <Panel title="Overview">
              <DetailsList
                monospace={["Resource directory ID"]}
                items={[
                  [
                    "Management account",
                    <>
                      {result.caller.accountName} <span className="font-mono text-xs text-slate-500">({result.caller.accountId})</span>
                    </>,
                  ],
                  ["Resource directory ID", view.directory.id],
                  ["Folders", view.counts.folders],
                  ["Member accounts", view.counts.members],
                  ["Delegated administrator accounts", view.counts.delegatedAdmins],
                  ["Pending invitations", view.counts.pendingInvitations],
                ]}
              />
              <div className="mt-4 flex gap-2">
                <Link href="/resource-directory/structure" className={buttonClass("secondary")}>
                  Members and Folders
                </Link>
                <Link href="/resource-directory/trusted-services" className={buttonClass("secondary")}>
                  Trusted Services
                </Link>
              </div>
            </Panel>
          </>
        )}
      </div>
    </>
  );
}
