import type { Metadata } from "next";
import { attempt, load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { NotPermitted } from "@/components/not-permitted";
import { listBuckets, mayCreateBuckets } from "@/lib/resources/obs";
import { deleteBucketAction } from "./actions";
import { CreateBucketForm } from "./create-bucket-form";
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources");
  return { title: t("obs.title") };
}

export default async function BucketsPage() {
  const t = await getTranslations("resources");
  const tc = await getTranslations("common");
  const result = await load(async (db, caller) => {
    const [buckets, regions, projects, mayCreate] = await Promise.all([
      attempt(listBuckets(db, caller)),
      listRegions(db),
      listEnterpriseProjects(db, caller),
      mayCreateBuckets(db, caller),
    ]);
    return { buckets, regions, projects, mayCreate };
  });
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const { buckets, regions, projects, mayCreate } = result.data;
  return (
    <>
      <PageHeader title={t("obs.title")} description={t("obs.description")} />
      <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
        {!buckets.ok ? (
          <AccessDenied message={buckets.message} />
        ) : (
          <Table label={t("obs.table")}>
            <thead>
              <tr>
                <Th>{t("obs.name")}</Th>
                <Th>{t("region")}</Th>
                <Th>{t("enterpriseProject")}</Th>
                <Th>{t("obs.storageClass")}</Th>
                <Th>{tc("created")}</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {buckets.data.length === 0 && <EmptyRow columns={6}>{t("obs.empty")}</EmptyRow>}
              {buckets.data.map((bucket) => (
                <tr key={bucket.id}>
                  <Td className="font-medium">{bucket.name}</Td>
                  <Td>{bucket.regionId}</Td>
                  <Td>{bucket.projectName}</Td>
                  <Td>{t(`obs.classes.${bucket.storageClass}`)}</Td>
                  <Td>
                    <DateTime value={bucket.createdAt} precision="date" />
                  </Td>
                  <OperationTd>
                    {bucket.may.delete ? (
                      <ConfirmAction
                        action={deleteBucketAction}
                        fields={{ bucketId: bucket.id }}
                        trigger={tc("delete")}
                        triggerLabel={t("deleteLabel", { name: bucket.name })}
                        title={t("obs.deleteTitle")}
                        confirmLabel={tc("delete")}
                        message={t("obs.deleteMessage", { name: bucket.name })}
                      />
                    ) : (
                      <span className="text-xs text-slate-500">{t("viewOnly")}</span>
                    )}
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Panel title={t("obs.create")}>
          {mayCreate ? (
            <CreateBucketForm regions={regions} projects={projects} />
          ) : (
            <NotPermitted what={t("obs.createWhat")} action="obs:buckets:create" account={result.caller.accountName} />
          )}
        </Panel>
      </div>
    </>
  );
}
