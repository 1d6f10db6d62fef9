"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
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
import { deregisterDelegatedAdmin, registerDelegatedAdmin, setTrustedAccess } from "@/lib/rd/delegated-admins";
import {
  createFolderInput,
  delegatedAdminInput,
  invitationResponseInput,
  inviteInput,
  moveMemberInput,
  renameFolderInput,
  trustedAccessInput,
} from "@/lib/rd/schemas";

const paths = ["/resource-directory", "/delegated-admin"];
const none = z.object({});

export const enableDirectoryAction = action(none, (_input, { db, caller }) => enableDirectory(db, caller), { revalidate: paths, success: () => "Resource directory enabled." });
export const createFolderAction = action(createFolderInput, (input, { db, caller }) => createFolder(db, caller, input), {
  revalidate: paths,
  success: (folder) => `Folder ${folder.name} created.`,
});
export const renameFolderAction = action(renameFolderInput, (input, { db, caller }) => renameFolder(db, caller, input), { revalidate: paths, success: () => "Folder renamed." });
export const deleteFolderAction = action(z.object({ folderId: z.string() }), (input, { db, caller }) => deleteFolder(db, caller, input.folderId), {
  revalidate: paths,
  success: () => "Folder deleted.",
});
export const moveMemberAction = action(moveMemberInput, (input, { db, caller }) => moveMember(db, caller, input), { revalidate: paths, success: () => "Account moved." });
export const inviteAccountAction = action(inviteInput, (input, { db, caller }) => inviteAccount(db, caller, input), {
  revalidate: paths,
  success: () => "Invitation sent. The account joins when it accepts in its own console.",
});
export const respondToInvitationAction = action(invitationResponseInput, (input, { db, caller }) => respondToInvitation(db, caller, input), {
  revalidate: paths,
  success: () => "Done.",
});
export const removeMemberAction = action(z.object({ accountId: z.string() }), (input, { db, caller }) => removeMember(db, caller, input.accountId), {
  revalidate: paths,
  redirectTo: () => "/resource-directory/structure",
});
export const leaveDirectoryAction = action(none, (_input, { db, caller }) => leaveDirectory(db, caller), { revalidate: paths, success: () => "Your account left the resource directory." });
export const setTrustedAccessAction = action(trustedAccessInput, (input, { db, caller }) => setTrustedAccess(db, caller, input), { revalidate: paths, success: () => "Trusted access updated." });
export const registerDelegatedAdminAction = action(delegatedAdminInput, (input, { db, caller }) => registerDelegatedAdmin(db, caller, input), {
  revalidate: paths,
  success: () => "Delegated administrator account added.",
});
export const deregisterDelegatedAdminAction = action(delegatedAdminInput, (input, { db, caller }) => deregisterDelegatedAdmin(db, caller, input), {
  revalidate: paths,
  success: () => "Delegated administrator account removed.",
});
