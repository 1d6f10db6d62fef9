"use server";
import { action } from "@/app/_lib/action";
import { createInstance, deleteInstance, startInstance, stopInstance } from "@/lib/resources/ecs";

const paths = ["/resources/ecs"];

export const createInstanceAction = action(createInstance, { revalidate: paths, success: (instance) => `Instance ${instance.name} created.` });

export const startInstanceAction = action(startInstance, { revalidate: paths, success: ({ name }) => `Instance ${name} started.` });

export const stopInstanceAction = action(stopInstance, { revalidate: paths, success: ({ name }) => `Instance ${name} stopped.` });

export const deleteInstanceAction = action(deleteInstance, { revalidate: paths, success: ({ name }) => `Instance ${name} deleted.` });
