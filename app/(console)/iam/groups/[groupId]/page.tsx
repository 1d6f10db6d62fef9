import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "User Group" };

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("user group").safeParse(groupId).success) notFound();
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
        <PageHeader title="User Group" />
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { group, members, grants, policies, regions, projects, users } = result.data;
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  return (
    <>
      <Breadcrumb parent="User Groups" href="/iam/groups" current={group.name} />
      <PageHeader
        title={group.name}
        description={group.description || undefined}
        actions={
          <ConfirmAction
            action={deleteGroupAction}
            fields={{ groupId: group.id }}
            trigger="Delete User Group"
            triggerVariant="secondary"
            title="Delete User Group"
            confirmLabel="Delete"
            message={`Delete user group ${group.name}? Its members lose the permissions granted through it.`}
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
            holder={`user group ${group.name}`}
          />
          <Table label="Users in this group">
            <thead>
              <tr>
                <Th>User name</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.length === 0 && <EmptyRow columns={2}>No users in this group.</EmptyRow>}
              {members.map((member) => (
                <tr key={member.id}>
                  <Td className="font-medium">{member.name}</Td>
                  <OperationTd>
                    <ConfirmAction
                      action={removeUserFromGroupAction}
                      fields={{ groupId: group.id, userId: member.id }}
                      trigger="Remove"
                      triggerLabel={`Remove ${member.name} from the group`}
                      title="Remove User from Group"
                      message={`Remove ${member.name} from user group ${group.name}? The user loses the permissions granted through it at once.`}
                      confirmLabel="Remove"
                    />
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
        <div className="space-y-4">
          <Panel title="Grant Permission">
            <GrantForm
              groupId={group.id}
              policies={policies}
              regions={regions.map((r) => ({ id: r.id, label: `${r.id} (${r.name})` }))}
              projects={projects.map((p) => ({ id: p.id, label: p.name }))}
            />
          </Panel>
          <Panel title="Add User">
            <AddMemberForm groupId={group.id} users={users.filter((u) => !members.some((m) => m.id === u.id))} />
          </Panel>
        </div>
      </div>
    </>
  );
}
