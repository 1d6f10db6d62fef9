"use server";
import { action } from "@/app/_lib/action";
import { addAgencyPermissions, checkAgencyBasics, createAgency, deleteAgency, removeAgencyPermission, updateAgency } from "@/lib/agencies/agencies";
import { endRoleSessionAsOwner } from "@/lib/roles/role-sessions";

const paths = ["/agencies"];

export const checkAgencyBasicsAction = action(checkAgencyBasics, { success: () => "Basic information is valid." });

export const createAgencyAction = action(createAgency, { revalidate: paths, redirectTo: (agency) => `/agencies/${agency.id}/created` });

export const updateAgencyAction = action(updateAgency, { revalidate: paths, success: () => "Agency saved." });

export const addAgencyPermissionsAction = action(addAgencyPermissions, { revalidate: paths, success: () => "Permissions added." });

export const removeAgencyPermissionAction = action(removeAgencyPermission, { revalidate: paths, success: () => "Permission removed." });

export const deleteAgencyAction = action(deleteAgency, { revalidate: paths, redirectTo: () => "/agencies" });

export const endRoleSessionAction = action(endRoleSessionAsOwner, { revalidate: paths, success: () => "Session ended." });
