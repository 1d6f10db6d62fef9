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
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { id } from "@/lib/validation";
import { MoveMemberForm } from "../../structure/forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rd");
  return { title: t("member.title") };
}

export default async function MemberPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("member").safeParse(accountId).success) notFound();
  const t = await getTranslations("rd");
  const tc = await getTranslations("common");
  const result = await load((db, caller) => getMemberDetails(db, caller, accountId));
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const { member, folder, services, destinations } = result.data;
  return (
    <>
      <Breadcrumb parent={t("membersAndFolders")} href="/resource-directory/structure" current={member.name} />
      <PageHeader
        title={member.name}
        actions={
          member.isManagement ? undefined : (
            <ConfirmAction
              action={removeMemberAction}
              fields={{ accountId: member.accountId }}
              trigger={t("member.removeMember")}
              triggerVariant="secondary"
              title={t("structure.removeTitle")}
              confirmLabel={tc("remove")}
              message={t("structure.removeMessage", { name: member.name })}
            />
          )
        }
      />
      <div className="max-w-2xl space-y-4">
        <Panel title={t("memberAccount")}>
          <DetailsList
            monospace={[t("accountId")]}
            items={[
              [t("accountName"), member.name],
              [t("accountId"), member.accountId],
              [t("member.type"), member.isManagement ? t("managementAccount") : t("memberAccount")],
              [t("folder"), folder],
              [t("member.joined"), <DateTime key="joined" value={member.joinedAt} precision="date" />],
              [t("member.delegatedAdminOf"), services.length === 0 ? "—" : services.map((s) => s.name).join(", ")],
            ]}
          />
        </Panel>
        <Panel title={t("forms.move")}>
          <MoveMemberForm accountId={member.accountId} name={member.name} folderId={member.folderId} initial={destinations} />
        </Panel>
      </div>
    </>
  );
}
