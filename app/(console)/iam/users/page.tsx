import Link from "next/link";
import type { Metadata } from "next";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { credentialsRefusal } from "@/lib/authz/escalation";
import { groupChoices } from "@/lib/iam/groups";
import { listUsers } from "@/lib/iam/users";
import { AddToGroupForm } from "./add-to-group-form";
import { CreateUserForm } from "./create-user-form";
import { ResetPasswordForm } from "./reset-password-form";
import { deleteUserAction } from "./actions";
import { EndUserSessions } from "./end-user-sessions";
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const result = await load(async (db, caller) => {
    const users = await listUsers(db, caller);
    const groups = await groupChoices(db, caller);
    return { users, groups };
  });
  // Why this caller may not set passwords here (a switched role), or null.
  const noPasswords = credentialsRefusal(result.caller);
  return (
    <>
      <PageHeader
        title="Users"
        description="IAM users sign in with the account name, their user name and password. A user has no permissions until added to a user group."
      />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
          <Table label="Users">
            <thead>
              <tr>
                <Th>User name</Th>
                <Th>User groups</Th>
                <Th>Description</Th>
                <Th>Created</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.users.length === 0 && <EmptyRow columns={5}>No users yet.</EmptyRow>}
              {result.data.users.map((user) => (
                <tr key={user.id}>
                  <Td className="font-medium">{user.name}</Td>
                  <Td>{user.groups.map((g) => g.name).join(", ") || "—"}</Td>
                  <Td>{user.description || "—"}</Td>
                  <Td>{utcDate(user.createdAt)}</Td>
                  <OperationTd>
                    <AddToGroupForm
                      userId={user.id}
                      userName={user.name}
                      groups={result.data.groups.filter((g) => !user.groups.some((ug) => ug.id === g.id))}
                    />
                    {noPasswords === null && <ResetPasswordForm userId={user.id} userName={user.name} />}
                    <EndUserSessions userId={user.id} userName={user.name} />
                    <Link href={`/iam/users/${user.id}/access-keys`} className="text-blue-700 hover:underline" aria-label={`Access keys of ${user.name}`}>
                      Access keys
                    </Link>
                    <ConfirmAction
                      action={deleteUserAction}
                      fields={{ userId: user.id }}
                      trigger="Delete"
                      triggerLabel={`Delete user ${user.name}`}
                      title="Delete User"
                      confirmLabel="Delete"
                      message={`Delete user ${user.name}? The user can no longer sign in, and is removed from every group.`}
                    />
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
          <Panel title="Create User">{noPasswords !== null ? <p className="text-sm text-slate-600">{noPasswords}</p> : <CreateUserForm />}</Panel>
        </div>
      )}
    </>
  );
}
