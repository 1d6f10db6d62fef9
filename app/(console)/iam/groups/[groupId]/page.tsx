import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { PermissionsTable } from "@/components/permissions-table";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { getGroup } from "@/lib/iam/groups";
import { attachablePolicies } from "@/lib/iam/policies";
import { userChoices } from "@/lib/iam/users";
import { id } from "@/lib/validation";
import { removeUserFromGroupAction } from "../../users/actions";
import { deleteGroupAction, revokeGrantAction } from "../actions";
import { AddMemberForm } from "./add-member-form";
import { GrantForm } from "./grant-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.groups.detail");
  return { title: t("title") };
}

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  const t = await getTranslations("iam.groups");
  const tc = await getTranslations("common");
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("userGroup").safeParse(groupId).success) notFound();
  const result = await load(async (db, caller) => {
    // The group first (a refusal or an unknown id ends the page); the pickers' options are independent.
    const group = await getGroup(db, caller, groupId);
    const [policies, regions, projects, users] = await Promise.all([
      attachablePolicies(db, caller),
      listRegions(db),
      listEnterpriseProjects(db, caller),
      userChoices(db, caller),
    ]);
    return { ...group, policies, regions, projects, users };
  });
  if (!result.ok) {
    return (
      <>
        <PageHeader title={t("detail.title")} />
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { group, members, grants, policies, regions, projects, users } = result.data;
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  return (
    <>
      <Breadcrumb parent={t("title")} href="/iam/groups" current={group.name} />
      <PageHeader
        title={group.name}
        description={group.description || undefined}
        actions={
          <ConfirmAction
            action={deleteGroupAction}
            fields={{ groupId: group.id }}
            trigger={t("detail.deleteTrigger")}
            triggerVariant="secondary"
            title={t("detail.deleteTitle")}
            confirmLabel={tc("delete")}
            message={t("detail.deleteMessage", { name: group.name })}
          />
        }
      />
      <div className="grid items-start gap-4 xl:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <PermissionsTable
            permissions={grants}
            projectNames={projectNames}
            remove={revokeGrantAction}
            removeFields={(grant) => ({ grantId: grant.id })}
            holder={t("detail.holder", { name: group.name })}
          />
          <Table label={t("detail.membersLabel")}>
            <thead>
              <tr>
                <Th>{t("detail.memberName")}</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.length === 0 && <EmptyRow columns={2}>{t("detail.noMembers")}</EmptyRow>}
              {members.map((member) => (
                <tr key={member.id}>
                  <Td className="font-medium">{member.name}</Td>
                  <OperationTd>
                    <ConfirmAction
                      action={removeUserFromGroupAction}
                      fields={{ groupId: group.id, userId: member.id }}
                      trigger={tc("remove")}
                      triggerLabel={t("detail.removeLabel", { name: member.name })}
                      title={t("detail.removeTitle")}
                      message={t("detail.removeMessage", { name: member.name, group: group.name })}
                      confirmLabel={tc("remove")}
                    />
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <div className="space-y-4">
          <Panel title={t("detail.grantPanel")}>
            <GrantForm
              groupId={group.id}
              policies={policies}
              regions={regions.map((r) => ({ id: r.id, label: `${r.id} (${r.name})` }))}
              projects={projects.map((p) => ({ id: p.id, label: p.name }))}
            />
          </Panel>
          <Panel title={t("detail.addPanel")}>
            <AddMemberForm groupId={group.id} users={users.filter((u) => !members.some((m) => m.id === u.id))} />
          </Panel>
        </div>
      </div>
    </>
  );
}
