import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listGroups } from "@/lib/iam/groups";
import { CreateGroupForm } from "./create-group-form";
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "User Groups" };

export default async function GroupsPage() {
  const result = await load(listGroups);
  return (
    <>
      <PageHeader
        title="User Groups"
        description="Grant permissions to user groups as policies with a scope; users get the permissions of every group they belong to."
      />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
          <Table label="User groups">
            <thead>
              <tr>
                <Th>User group name</Th>
                <Th>Users</Th>
                <Th>Description</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.length === 0 && <EmptyRow columns={4}>No user groups yet.</EmptyRow>}
              {result.data.map((group) => (
                <tr key={group.id}>
                  <Td>
                    <Link href={`/iam/groups/${group.id}`} className="font-medium text-blue-700 hover:underline">
                      {group.name}
                    </Link>
                  </Td>
                  <Td>{group.members}</Td>
                  <Td>{group.description || "—"}</Td>
                  <Td>{utcDate(group.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Panel title="Create User Group">
            <CreateGroupForm />
          </Panel>
        </div>
      )}
    </>
  );
}
