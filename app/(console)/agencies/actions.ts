"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import {
  addAgencyPermissions,
  checkAgencyBasics,
  createAgency,
  deleteAgency,
  removeAgencyPermission,
  updateAgency,
} from "@/lib/agencies/agencies";
import {
  agencyBasicsInput,
  agencyPermissionInput,
  createAgencyInput,
  removeAgencyPermissionInput,
  updateAgencyInput,
} from "@/lib/agencies/schemas";
import { endRoleSessionAsOwner } from "@/lib/roles/role-sessions";
import { endRoleSessionInput } from "@/lib/roles/schemas";

const paths = ["/agencies"];

export const checkAgencyBasicsAction = action(agencyBasicsInput, (input, { db, caller }) => checkAgencyBasics(db, caller, input), {
  success: () => "Basic information is valid.",
});

export const createAgencyAction = action(createAgencyInput, (input, { db, caller }) => createAgency(db, caller, input), {
  revalidate: paths,
  redirectTo: (agency) => `/agencies/${agency.id}/created`,
});

export const updateAgencyAction = action(updateAgencyInput, (input, { db, caller }) => updateAgency(db, caller, input), {
  revalidate: paths,
  success: () => "Agency saved.",
});

export const addAgencyPermissionsAction = action(agencyPermissionInput, (input, { db, caller }) => addAgencyPermissions(db, caller, input), {
  revalidate: paths,
  success: () => "Permissions added.",
});

export const removeAgencyPermissionAction = action(removeAgencyPermissionInput, (input, { db, caller }) => removeAgencyPermission(db, caller, input), {
  revalidate: paths,
  success: () => "Permission removed.",
});

export const deleteAgencyAction = action(z.object({ agencyId: z.string() }), (input, { db, caller }) => deleteAgency(db, caller, input.agencyId), {
  revalidate: paths,
  redirectTo: () => "/agencies",
});

export const endRoleSessionAction = action(endRoleSessionInput, (input, { db, caller }) => endRoleSessionAsOwner(db, caller, input), {
  revalidate: paths,
  success: () => "Session ended.",
});
