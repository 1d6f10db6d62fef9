import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ecsInstances, enterpriseProjects, type EcsInstance } from "@/db/schema";
import { authorizer, type GuardedRequest, requireAllowed } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { checkPlacement } from "@/lib/catalogue";
import { DomainError } from "@/lib/errors";
import { mayCreateSomewhere } from "@/lib/resources/may-create";
import { createInstanceInput, instanceIdInput } from "@/lib/resources/schemas";

export type InstanceOperation = "list" | "create" | "start" | "stop" | "delete";

export function instanceRequest(
  caller: Caller,
  operation: InstanceOperation,
  instance: { name: string; regionId: string; enterpriseProjectId: string },
): GuardedRequest {
  return {
    action: `ecs:instances:${operation}`,
    resource: urn("ecs", instance.regionId, caller.accountId, "instance", instance.name),
    region: instance.regionId,
    enterpriseProjectId: instance.enterpriseProjectId,
    target: `ECS instance ${instance.name}`,
  };
}

/** The instances of the acting account that the caller may list, each checked against its region and project. */
export async function listInstances(db: Db, caller: Caller) {
  const check = await authorizer(db, caller);
  await requireAllowed(
    db,
    caller,
    {
      action: "ecs:instances:list",
      resource: urn("ecs", "*", caller.accountId, "instance", "*"),
      anyScope: true,
      target: "ECS instances",
    },
    check,
  );
  const rows = await db
    .select({ instance: ecsInstances, projectName: enterpriseProjects.name })
    .from(ecsInstances)
    .innerJoin(enterpriseProjects, eq(enterpriseProjects.id, ecsInstances.enterpriseProjectId))
    .where(eq(ecsInstances.accountId, caller.accountId))
    .orderBy(asc(ecsInstances.name), asc(ecsInstances.id));
  const may = (operation: InstanceOperation, instance: EcsInstance) => check(instanceRequest(caller, operation, instance)).allowed;
  return rows
    .filter((r) => may("list", r.instance))
    .map((r) => ({
      ...r.instance,
      projectName: r.projectName,
      // What the page offers on the row: the same engine decides, and the server still refuses the rest.
      may: { start: may("start", r.instance), stop: may("stop", r.instance), delete: may("delete", r.instance) },
    }));
}

export const mayCreateInstances = (db: Db, caller: Caller) =>
  mayCreateSomewhere(db, caller, { action: "ecs:instances:create", service: "ecs", type: "instance" });

async function findInstance(db: Db, caller: Caller, instanceId: string): Promise<EcsInstance> {
  const [instance] = await db
    .select()
    .from(ecsInstances)
    .where(and(eq(ecsInstances.id, instanceId), eq(ecsInstances.accountId, caller.accountId)));
  if (instance === undefined) throw new DomainError("resource.not_found");
  return instance;
}

export const createInstance = command({
  action: "ecs:instances:create",
  input: createInstanceInput,
  async run({ caller, change }, input) {
    return change(async (tx, guard) => {
      await checkPlacement(tx, caller, input.regionId, input.enterpriseProjectId);
      await guard({ ...instanceRequest(caller, "create", input), detail: { flavor: input.flavor } });
      const [created] = await tx
        .insert(ecsInstances)
        .values({ accountId: caller.accountId, ...input })
        .returning({ id: ecsInstances.id, name: ecsInstances.name });
      return created!;
    });
  },
});

const powerState = (operation: "start" | "stop", state: "running" | "stopped") =>
  command({
    action: `ecs:instances:${operation}`,
    input: instanceIdInput,
    async run({ caller, change }, { instanceId }): Promise<{ name: string }> {
      return change(async (tx, guard) => {
        const instance = await findInstance(tx, caller, instanceId);
        await guard(instanceRequest(caller, operation, instance));
        if (instance.status === state) throw new DomainError("ecs.already_in_state");
        await tx
          .update(ecsInstances)
          .set({ status: state })
          .where(and(eq(ecsInstances.id, instance.id), eq(ecsInstances.accountId, caller.accountId)));
        return { name: instance.name };
      });
    },
  });

export const startInstance = powerState("start", "running");
export const stopInstance = powerState("stop", "stopped");

export const deleteInstance = command({
  action: "ecs:instances:delete",
  input: instanceIdInput,
  async run({ caller, change }, { instanceId }): Promise<{ name: string }> {
    return change(async (tx, guard) => {
      const instance = await findInstance(tx, caller, instanceId);
      await guard(instanceRequest(caller, "delete", instance));
      await tx.delete(ecsInstances).where(and(eq(ecsInstances.id, instance.id), eq(ecsInstances.accountId, caller.accountId)));
      return { name: instance.name };
    });
  },
});
