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
import { getTranslations } from "next-intl/server";
import { deleteInstanceAction, startInstanceAction, stopInstanceAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources");
  return { title: t("ecs.title") };
}

export default async function InstancesPage() {
  const t = await getTranslations("resources");
  const tc = await getTranslations("common");
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
      <PageHeader title={t("ecs.title")} description={t("ecs.description")} />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
          {!result.data.instances.ok ? (
            <AccessDenied message={result.data.instances.message} />
          ) : (
            <Table label={t("ecs.table")}>
              <thead>
                <tr>
                  <Th>{tc("name")}</Th>
                  <Th>{tc("status")}</Th>
                  <Th>{t("region")}</Th>
                  <Th>{t("enterpriseProject")}</Th>
                  <Th>{t("ecs.flavor")}</Th>
                  <OperationTh />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.data.instances.data.length === 0 && <EmptyRow columns={6}>{t("ecs.empty")}</EmptyRow>}
                {result.data.instances.data.map((instance) => (
                  <tr key={instance.id}>
                    <Td className="font-medium">{instance.name}</Td>
                    <Td>
                      <span className={instance.status === "running" ? "text-green-700" : "text-slate-500"}>
                        {instance.status === "running" ? t("ecs.running") : t("ecs.stopped")}
                      </span>
                    </Td>
                    <Td>{instance.regionId}</Td>
                    <Td>{instance.projectName}</Td>
                    <Td>{instance.flavor}</Td>
                    <OperationTd>
                      {!instance.may.start && !instance.may.stop && !instance.may.delete && <span className="text-xs text-slate-500">{t("viewOnly")}</span>}
                      {instance.status === "running" && instance.may.stop && (
                        <ConfirmAction
                          action={stopInstanceAction}
                          fields={{ instanceId: instance.id }}
                          trigger={t("ecs.stop")}
                          triggerLabel={t("ecs.stopLabel", { name: instance.name })}
                          title={t("ecs.stopTitle")}
                          message={t("ecs.stopMessage", { name: instance.name, region: instance.regionId })}
                          confirmLabel={t("ecs.stop")}
                        />
                      )}
                      {instance.status !== "running" && instance.may.start && (
                        <InlineAction
                          action={startInstanceAction}
                          fields={{ instanceId: instance.id }}
                          label={t("ecs.start")}
                          accessibleLabel={t("ecs.startLabel", { name: instance.name })}
                        />
                      )}
                      {instance.may.delete && (
                        <ConfirmAction
                          action={deleteInstanceAction}
                          fields={{ instanceId: instance.id }}
                          trigger={tc("delete")}
                          triggerLabel={t("deleteLabel", { name: instance.name })}
                          title={t("ecs.deleteTitle")}
                          confirmLabel={tc("delete")}
                          message={t("ecs.deleteMessage", { name: instance.name })}
                        />
                      )}
                    </OperationTd>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Panel title={t("ecs.create")}>
            {result.data.mayCreate ? (
              <CreateInstanceForm regions={result.data.regions} projects={result.data.projects} />
            ) : (
              <NotPermitted what={t("ecs.createWhat")} action="ecs:instances:create" account={result.caller.accountName} />
            )}
          </Panel>
        </div>
      )}
    </>
  );
}
