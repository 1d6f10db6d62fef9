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
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "OBS Buckets" };

export default async function BucketsPage() {
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
      <PageHeader title="OBS Buckets" description="Object Storage Service buckets of this account that your permissions and their scope let you see." />
      <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
        {!buckets.ok ? (
          <AccessDenied message={buckets.message} />
        ) : (
          <Table label="OBS buckets">
            <thead>
              <tr>
                <Th>Bucket name</Th>
                <Th>Region</Th>
                <Th>Enterprise project</Th>
                <Th>Storage class</Th>
                <Th>Created</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {buckets.data.length === 0 && <EmptyRow columns={6}>No buckets you can see.</EmptyRow>}
              {buckets.data.map((bucket) => (
                <tr key={bucket.id}>
                  <Td className="font-medium">{bucket.name}</Td>
                  <Td>{bucket.regionId}</Td>
                  <Td>{bucket.projectName}</Td>
                  <Td className="capitalize">{bucket.storageClass}</Td>
                  <Td>{utcDate(bucket.createdAt)}</Td>
                  <OperationTd>
                    {bucket.may.delete ? (
                      <ConfirmAction
                        action={deleteBucketAction}
                        fields={{ bucketId: bucket.id }}
                        trigger="Delete"
                        triggerLabel={`Delete ${bucket.name}`}
                        title="Delete Bucket"
                        confirmLabel="Delete"
                        message={`Delete bucket ${bucket.name}? This cannot be undone.`}
                      />
                    ) : (
                      <span className="text-xs text-slate-500">View only</span>
                    )}
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Panel title="Create Bucket">
          {mayCreate ? (
            <CreateBucketForm regions={regions} projects={projects} />
          ) : (
            <NotPermitted what="create buckets" action="obs:buckets:create" account={result.caller.accountName} />
          )}
        </Panel>
      </div>
    </>
  );
}
