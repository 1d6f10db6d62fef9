import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getMemberDetails } from "@/lib/rd/directory";
import { removeMemberAction } from "../../actions";
import { utcDate } from "@/lib/format";
import { id } from "@/lib/validation";

export const metadata: Metadata = { title: "Member Account" };

export default async function MemberPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("member").safeParse(accountId).success) notFound();
  const result = await load((db, caller) => getMemberDetails(db, caller, accountId));
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
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
              confirmLabel="Remove"
              message={`Remove ${member.name} from the resource directory? It stops being a delegated administrator of every trusted service.`}
            />
          )
        }
      />
      <div className="max-w-2xl">
        <Panel title="Member account">
          <DetailsList
            monospace={["Account ID"]}
            items={[
              ["Account name", member.name],
              ["Account ID", member.accountId],
              ["Type", member.isManagement ? "Management account" : "Member account"],
              ["Folder", folder],
              ["Joined", utcDate(member.joinedAt)],
              ["Delegated administrator of", services.length === 0 ? "—" : services.map((s) => s.name).join(", ")],
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
