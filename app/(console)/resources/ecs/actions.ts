"use server";
import { action } from "@/app/_lib/action";
import { createInstance, deleteInstance, startInstance, stopInstance } from "@/lib/resources/ecs";

const paths = ["/resources/ecs"];

export const createInstanceAction = action(createInstance, {
  revalidate: paths,
  success: (instance, t) => t("resources.toast.instanceCreated", { name: instance.name }),
});

export const startInstanceAction = action(startInstance, { revalidate: paths, success: ({ name }, t) => t("resources.toast.instanceStarted", { name }) });

export const stopInstanceAction = action(stopInstance, { revalidate: paths, success: ({ name }, t) => t("resources.toast.instanceStopped", { name }) });

export const deleteInstanceAction = action(deleteInstance, { revalidate: paths, success: ({ name }, t) => t("resources.toast.instanceDeleted", { name }) });
