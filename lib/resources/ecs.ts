import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ecsInstances, enterpriseProjects, type EcsInstance } from "@/db/schema";
import { authorizer, mutate, requireAllowed } from "@/lib/authz/authorize";
import type { AuthzRequest } from "@/lib/authz/engine";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { checkPlacement } from "@/lib/catalogue";
import { DomainError } from "@/lib/errors";
import { createInstanceInput } from "@/lib/resources/schemas";
import { id, validate } from "@/lib/validation";

export type InstanceOperation = "list" | "get" | "create" | "start" | "stop" | "delete";

export function instanceRequest(
  caller: Caller,
  operation: InstanceOperation,
  instance: { name: string; regionId: string; enterpriseProjectId: string },
): AuthzRequest & { target: string } {
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
  return rows
    .filter((r) => check(instanceRequest(caller, "list", r.instance)).allowed)
    .map((r) => ({ ...r.instance, projectName: r.projectName }));
}

async function findInstance(db: Db, caller: Caller, rawId: unknown): Promise<EcsInstance> {
  const instanceId = validate(id("instance"), rawId);
  const [instance] = await db
    .select()
    .from(ecsInstances)
    .where(and(eq(ecsInstances.id, instanceId), eq(ecsInstances.accountId, caller.accountId)));
  if (instance === undefined) throw new DomainError("resource.not_found");
  return instance;
}

export async function createInstance(db: Db, caller: Caller, raw: unknown) {
  const input = validate(createInstanceInput, raw);
  return mutate(db, caller, async (tx, guard) => {
    await checkPlacement(tx, caller, input.regionId, input.enterpriseProjectId);
    await guard({ ...instanceRequest(caller, "create", input), detail: { flavor: input.flavor } });
    const [created] = await tx
      .insert(ecsInstances)
      .values({ accountId: caller.accountId, ...input })
      .returning({ id: ecsInstances.id, name: ecsInstances.name });
    return created!;
  });
}

export async function setInstanceState(db: Db, caller: Caller, rawId: unknown, state: "running" | "stopped") {
  await mutate(db, caller, async (tx, guard) => {
    const instance = await findInstance(tx, caller, rawId);
    await guard(instanceRequest(caller, state === "running" ? "start" : "stop", instance));
    if (instance.status === state) throw new DomainError("ecs.already_in_state");
    await tx
      .update(ecsInstances)
      .set({ status: state })
      .where(and(eq(ecsInstances.id, instance.id), eq(ecsInstances.accountId, caller.accountId)));
  });
}

export async function deleteInstance(db: Db, caller: Caller, rawId: unknown) {
  await mutate(db, caller, async (tx, guard) => {
    const instance = await findInstance(tx, caller, rawId);
    await guard(instanceRequest(caller, "delete", instance));
    await tx.delete(ecsInstances).where(and(eq(ecsInstances.id, instance.id), eq(ecsInstances.accountId, caller.accountId)));
  });
}
