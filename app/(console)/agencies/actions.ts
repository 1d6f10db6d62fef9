"use server";
import { action } from "@/app/_lib/action";
import { checkAgencyBasics, createAgency, deleteAgencies, deleteAgency, updateAgency } from "@/lib/agencies/agencies";
import { addAgencyPermissions, removeAgencyPermission } from "@/lib/agencies/permissions";
import { endRoleSessionAsOwner } from "@/lib/roles/role-sessions";
import { phraseInWords } from "@/messages/phrases";

const paths = ["/agencies"];

export const checkAgencyBasicsAction = action(checkAgencyBasics, { success: (_, t) => t("agencies.toast.basicsValid") });

export const createAgencyAction = action(createAgency, {
  revalidate: paths,
  success: (agency, t) => t("agencies.toast.created", { name: agency.name }),
  redirectTo: (agency) => `/agencies/${agency.id}/created`,
});

export const updateAgencyAction = action(updateAgency, { revalidate: paths, success: (_, t) => t("agencies.toast.saved") });

export const addAgencyPermissionsAction = action(addAgencyPermissions, {
  revalidate: paths,
  success: ({ agencyName, policies }, t) => t("agencies.toast.permissionsAdded", { policies: policies.join(", "), name: agencyName }),
});

export const removeAgencyPermissionAction = action(removeAgencyPermission, {
  revalidate: paths,
  success: ({ agencyName, policyName }, t) => t("agencies.toast.permissionRemoved", { policy: policyName, name: agencyName }),
});

export const deleteAgenciesAction = action(deleteAgencies, {
  revalidate: paths,
  success: (outcomes, t) => t("agencies.toast.deletedMany", { names: outcomes.map((o) => o.name).join(", ") }),
  refusedIn: (outcomes, t) => {
    const failed = outcomes.filter((o) => !o.deleted);
    if (failed.length === 0) return undefined;
    const deleted = outcomes.filter((o) => o.deleted).map((o) => o.name);
    const reasons = failed.map((o) => (o.message === null ? "" : phraseInWords(t, o.message))).join(" ");
    return deleted.length > 0 ? t("agencies.toast.partlyDeleted", { names: deleted.join(", "), reasons }) : t("agencies.toast.notDeleted", { reasons });
  },
});

export const deleteAgencyAction = action(deleteAgency, {
  revalidate: paths,
  success: ({ name }, t) => t("agencies.toast.deleted", { name }),
  redirectTo: () => "/agencies",
});

export const endRoleSessionAction = action(endRoleSessionAsOwner, { revalidate: paths, success: (_, t) => t("agencies.toast.sessionEnded") });
