"use server";
import { action } from "@/app/_lib/action";
import { createInstance, deleteInstance, startInstance, stopInstance } from "@/lib/resources/ecs";

const paths = ["/resources/ecs"];

export const createInstanceAction = action(createInstance, { revalidate: paths, success: (instance) => `Instance ${instance.name} created.` });

export const startInstanceAction = action(startInstance, { revalidate: paths, success: () => "Instance started." });

export const stopInstanceAction = action(stopInstance, { revalidate: paths, success: () => "Instance stopped." });

export const deleteInstanceAction = action(deleteInstance, { revalidate: paths, success: () => "Instance deleted." });
