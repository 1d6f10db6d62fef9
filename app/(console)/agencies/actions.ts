"use server";
import { action } from "@/app/_lib/action";
import { checkAgencyBasics, createAgency, deleteAgencies, deleteAgency, updateAgency } from "@/lib/agencies/agencies";
import { addAgencyPermissions, removeAgencyPermission } from "@/lib/agencies/permissions";
import { endRoleSessionAsOwner } from "@/lib/roles/role-sessions";

const paths = ["/agencies"];

export const checkAgencyBasicsAction = action(checkAgencyBasics, { success: () => "Basic information is valid." });

export const createAgencyAction = action(createAgency, {
  revalidate: paths,
  success: (agency) => `Agency ${agency.name} created.`,
  redirectTo: (agency) => `/agencies/${agency.id}/created`,
});

export const updateAgencyAction = action(updateAgency, { revalidate: paths, success: () => "Agency saved." });

export const addAgencyPermissionsAction = action(addAgencyPermissions, {
  revalidate: paths,
  success: ({ agencyName, policies }) => `Added ${policies.join(", ")} to agency ${agencyName}.`,
});

export const removeAgencyPermissionAction = action(removeAgencyPermission, {
  revalidate: paths,
  success: ({ agencyName, policyName }) => `Removed ${policyName} from agency ${agencyName}.`,
});

export const deleteAgenciesAction = action(deleteAgencies, {
  revalidate: paths,
  success: (outcomes) => `Deleted ${outcomes.map((o) => o.name).join(", ")}.`,
  refusedIn: (outcomes) => {
    const failed = outcomes.filter((o) => !o.deleted);
    if (failed.length === 0) return undefined;
    const deleted = outcomes.filter((o) => o.deleted).map((o) => o.name);
    return `${deleted.length > 0 ? `Deleted ${deleted.join(", ")}. ` : ""}Not deleted: ${failed.map((o) => o.message).join(" ")}`;
  },
});

export const deleteAgencyAction = action(deleteAgency, { revalidate: paths, success: ({ name }) => `Agency ${name} deleted.`, redirectTo: () => "/agencies" });

export const endRoleSessionAction = action(endRoleSessionAsOwner, { revalidate: paths, success: () => "Session ended." });
