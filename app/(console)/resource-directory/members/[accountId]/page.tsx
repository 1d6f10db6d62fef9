import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getMemberDetails } from "@/lib/rd/directory";
import { removeMemberAction } from "../../actions";

export const metadata: Metadata = { title: "Member Account" };

export default async function MemberPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const result = await load((db, caller) => getMemberDetails(db, caller, accountId));
  if (!result.ok) return <AccessDenied message={result.message} />;
  const { member, folder, services } = result.data;
  return (
    <>
      <Breadcrumb parent="Members and Folders" href="/resource-directory/structure" current={member.name} />
      <PageHeader
        title={member.name}
        actions={
          member.isManagement ? undefined : (
            <ConfirmAction
              action={removeMemberAction}
              fields={{ accountId: member.accountId }}
              trigger="Remove Member"
              triggerVariant="secondary"
              title="Remove Member Account"
              message={`Remove ${member.name} from the resource directory? It stops being a delegated administrator of every trusted service.`}
            />
          )
        }
      />
      <div className="max-w-2xl">
        <Panel title="Member account">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
            <dt className="text-slate-500">Account name</dt>
            <dd>{member.name}</dd>
            <dt className="text-slate-500">Account ID</dt>
            <dd className="font-mono text-xs">{member.accountId}</dd>
            <dt className="text-slate-500">Type</dt>
            <dd>{member.isManagement ? "Management account" : "Member account"}</dd>
            <dt className="text-slate-500">Folder</dt>
            <dd>{folder}</dd>
            <dt className="text-slate-500">Joined</dt>
            <dd>{member.joinedAt.toISOString().slice(0, 10)}</dd>
            <dt className="text-slate-500">Delegated administrator of</dt>
            <dd>{services.length === 0 ? "—" : services.map((s) => s.name).join(", ")}</dd>
          </dl>
        </Panel>
      </div>
    </>
  );
}
