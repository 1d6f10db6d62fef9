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

export const enableDirectoryAction = action(enableDirectory, { revalidate: paths, success: (_r, t) => t("rd.toast.enabled") });
export const createFolderAction = action(createFolder, { revalidate: paths, success: (folder, t) => t("rd.toast.folderCreated", { name: folder.name }) });
export const renameFolderAction = action(renameFolder, { revalidate: paths, success: (_r, t) => t("rd.toast.folderRenamed") });
// The deleted folder was the open one: go back to Root.
export const deleteFolderAction = action(deleteFolder, {
  revalidate: paths,
  success: (_r, t) => t("rd.toast.folderDeleted"),
  redirectTo: () => "/resource-directory/structure",
});
export const moveMemberAction = action(moveMember, { revalidate: paths, success: (_r, t) => t("rd.toast.accountMoved") });
export const inviteAccountAction = action(inviteAccount, {
  revalidate: paths,
  success: (_r, t) => t("rd.toast.invitationSent"),
});
export const respondToInvitationAction = action(respondToInvitation, { revalidate: paths, success: (_r, t) => t("common.done") });
export const removeMemberAction = action(removeMember, { revalidate: paths, redirectTo: () => "/resource-directory/structure" });
export const leaveDirectoryAction = action(leaveDirectory, { revalidate: paths, success: (_r, t) => t("rd.toast.left") });
export const setTrustedAccessAction = action(setTrustedAccess, {
  revalidate: paths,
  success: ({ serviceName, enabled }, t) => t(enabled ? "rd.toast.trustedAccessEnabled" : "rd.toast.trustedAccessDisabled", { name: serviceName }),
});
export const registerDelegatedAdminAction = action(registerDelegatedAdmin, {
  revalidate: paths,
  success: ({ accountName, serviceName, enabledTrustedAccess }, t) =>
    t(enabledTrustedAccess ? "rd.toast.registeredWithAccess" : "rd.toast.registered", { account: accountName, service: serviceName }),
});
export const deregisterDelegatedAdminAction = action(deregisterDelegatedAdmin, {
  revalidate: paths,
  success: ({ accountName, serviceName }, t) => t("rd.toast.deregistered", { account: accountName, service: serviceName }),
});
