"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import { createInstance, deleteInstance, setInstanceState } from "@/lib/resources/ecs";
import { createInstanceInput } from "@/lib/resources/schemas";

const paths = ["/resources/ecs"];
const byId = z.object({ instanceId: z.string() });

export const createInstanceAction = action(createInstanceInput, (input, { db, caller }) => createInstance(db, caller, input), {
  revalidate: paths,
  success: (instance) => `Instance ${instance.name} created.`,
});

export const startInstanceAction = action(byId, (input, { db, caller }) => setInstanceState(db, caller, input.instanceId, "running"), {
  revalidate: paths,
  success: () => "Instance started.",
});

export const stopInstanceAction = action(byId, (input, { db, caller }) => setInstanceState(db, caller, input.instanceId, "stopped"), {
  revalidate: paths,
  success: () => "Instance stopped.",
});

export const deleteInstanceAction = action(byId, (input, { db, caller }) => deleteInstance(db, caller, input.instanceId), {
  revalidate: paths,
  success: () => "Instance deleted.",
});
