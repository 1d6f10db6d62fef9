"use server";
import { action } from "@/app/_lib/action";
import { deregisterDelegatedAdmin, registerDelegatedAdmin, setTrustedAccess } from "@/lib/rd/delegated-admins";
import {
  createFolder,
  deleteFolder,
  enableDirectory,
  inviteAccount,
  leaveDirectory,
  moveMember,
  removeMember,
  renameFolder,
  respondToInvitation,
} from "@/lib/rd/directory";

const paths = ["/resource-directory", "/delegated-admin"];

export const enableDirectoryAction = action(enableDirectory, { revalidate: paths, success: () => "Resource directory enabled." });
export const createFolderAction = action(createFolder, { revalidate: paths, success: (folder) => `Folder ${folder.name} created.` });
export const renameFolderAction = action(renameFolder, { revalidate: paths, success: () => "Folder renamed." });
export const deleteFolderAction = action(deleteFolder, { revalidate: paths, success: () => "Folder deleted." });
export const moveMemberAction = action(moveMember, { revalidate: paths, success: () => "Account moved." });
export const inviteAccountAction = action(inviteAccount, {
  revalidate: paths,
  success: () => "Invitation sent. The account joins when it accepts in its own console.",
});
export const respondToInvitationAction = action(respondToInvitation, { revalidate: paths, success: () => "Done." });
export const removeMemberAction = action(removeMember, { revalidate: paths, redirectTo: () => "/resource-directory/structure" });
export const leaveDirectoryAction = action(leaveDirectory, { revalidate: paths, success: () => "Your account left the resource directory." });
export const setTrustedAccessAction = action(setTrustedAccess, {
  revalidate: paths,
  success: ({ serviceName, enabled }) => `Trusted access for ${serviceName} ${enabled ? "enabled" : "disabled"}.`,
});
export const registerDelegatedAdminAction = action(registerDelegatedAdmin, {
  revalidate: paths,
  success: ({ accountName, serviceName, enabledTrustedAccess }) =>
    `${accountName} is now a delegated administrator account of ${serviceName}.${enabledTrustedAccess ? ` Trusted access for ${serviceName} was enabled with it.` : ""}`,
});
export const deregisterDelegatedAdminAction = action(deregisterDelegatedAdmin, {
  revalidate: paths,
  success: ({ accountName, serviceName }) => `${accountName} is no longer a delegated administrator account of ${serviceName}.`,
});
