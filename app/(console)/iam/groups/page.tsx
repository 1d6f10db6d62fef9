import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listGroups } from "@/lib/iam/groups";
import { CreateGroupForm } from "./create-group-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.groups");
  return { title: t("title") };
}

export default async function GroupsPage() {
  const t = await getTranslations("iam.groups");
  const result = await load(listGroups);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
          <Table label={t("tableLabel")}>
            <thead>
              <tr>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.users")}</Th>
                <Th>{t("columns.description")}</Th>
                <Th>{t("columns.created")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.length === 0 && <EmptyRow columns={4}>{t("empty")}</EmptyRow>}
              {result.data.map((group) => (
                <tr key={group.id}>
                  <Td>
                    <Link href={`/iam/groups/${group.id}`} className="font-medium text-blue-700 hover:underline">
                      {group.name}
                    </Link>
                  </Td>
                  <Td>{group.members}</Td>
                  <Td>{group.description || "—"}</Td>
                  <Td>
                    <DateTime value={group.createdAt} precision="date" />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Panel title={t("createPanel")}>
            <CreateGroupForm />
          </Panel>
        </div>
      )}
    </>
  );
}
