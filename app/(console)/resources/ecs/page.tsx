import type { Metadata } from "next";
import { attempt, load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { InlineAction } from "@/components/inline-action";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { listEnterpriseProjects, listRegions } from "@/lib/catalogue";
import { NotPermitted } from "@/components/not-permitted";
import { listInstances, mayCreateInstances } from "@/lib/resources/ecs";
import { CreateInstanceForm } from "./create-instance-form";
import { deleteInstanceAction, startInstanceAction, stopInstanceAction } from "./actions";

export const metadata: Metadata = { title: "ECS Instances" };

export default async function InstancesPage() {
  const result = await load(async (db, caller) => {
    const [instances, regions, projects, mayCreate] = await Promise.all([
      attempt(listInstances(db, caller)),
      listRegions(db),
      listEnterpriseProjects(db, caller),
      mayCreateInstances(db, caller),
    ]);
    return { instances, regions, projects, mayCreate };
  });
  return (
    <>
      <PageHeader title="ECS Instances" description="Elastic Cloud Server instances of this account that your permissions and their scope let you see." />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
          {!result.data.instances.ok ? (
            <AccessDenied message={result.data.instances.message} />
          ) : (
            <Table label="ECS instances">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Status</Th>
                  <Th>Region</Th>
                  <Th>Enterprise project</Th>
                  <Th>Flavor</Th>
                  <OperationTh />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.data.instances.data.length === 0 && <EmptyRow columns={6}>No instances you can see.</EmptyRow>}
                {result.data.instances.data.map((instance) => (
                  <tr key={instance.id}>
                    <Td className="font-medium">{instance.name}</Td>
                    <Td>
                      <span className={instance.status === "running" ? "text-green-700" : "text-slate-500"}>
                        {instance.status === "running" ? "Running" : "Stopped"}
                      </span>
                    </Td>
                    <Td>{instance.regionId}</Td>
                    <Td>{instance.projectName}</Td>
                    <Td>{instance.flavor}</Td>
                    <OperationTd>
                      {!instance.may.start && !instance.may.stop && !instance.may.delete && <span className="text-xs text-slate-500">View only</span>}
                      {instance.status === "running" && instance.may.stop && (
                        <ConfirmAction
                          action={stopInstanceAction}
                          fields={{ instanceId: instance.id }}
                          trigger="Stop"
                          triggerLabel={`Stop ${instance.name}`}
                          title="Stop Instance"
                          message={`Stop ${instance.name} (${instance.regionId})? Whatever runs on it stops until it is started again.`}
                          confirmLabel="Stop"
                        />
                      )}
                      {instance.status !== "running" && instance.may.start && (
                        <InlineAction
                          action={startInstanceAction}
                          fields={{ instanceId: instance.id }}
                          label="Start"
                          accessibleLabel={`Start ${instance.name}`}
                        />
                      )}
                      {instance.may.delete && (
                        <ConfirmAction
                          action={deleteInstanceAction}
                          fields={{ instanceId: instance.id }}
                          trigger="Delete"
                          triggerLabel={`Delete ${instance.name}`}
                          title="Delete Instance"
                          confirmLabel="Delete"
                          message={`Delete instance ${instance.name}? This cannot be undone.`}
                        />
                      )}
                    </OperationTd>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Panel title="Create Instance">
            {result.data.mayCreate ? (
              <CreateInstanceForm regions={result.data.regions} projects={result.data.projects} />
            ) : (
              <NotPermitted what="create instances" action="ecs:instances:create" account={result.caller.accountName} />
            )}
          </Panel>
        </div>
      )}
    </>
  );
}
