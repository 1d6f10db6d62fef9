import { z } from "zod";
import { id, requiredText } from "@/lib/validation";

export const folderName = requiredText("Folder name", 24).regex(
  /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/,
  "Folder name must start with a letter or digit and contain only letters, digits, spaces, periods (.), underscores (_) and hyphens (-).",
);

export const createFolderInput = z.object({ name: folderName, parentId: id("parent folder") });
export const renameFolderInput = z.object({ folderId: id("folder"), name: folderName });
export const folderIdInput = z.object({ folderId: id("folder") });
export const memberIdInput = z.object({ accountId: id("member") });
export const moveMemberInput = z.object({ accountId: id("member"), folderId: id("folder") });
export const inviteInput = z.object({
  accountName: requiredText("Account name", 64).regex(/^[A-Za-z0-9_-]{3,64}$/, "An account name has 3–64 letters, digits, hyphens (-) and underscores (_)."),
});
export const invitationResponseInput = z.object({ invitationId: id("invitation"), accept: z.enum(["yes", "no"]) });
export const delegatedAdminInput = z.object({
  service: requiredText("Trusted service", 64),
  accountId: id("member account"),
});
export const trustedAccessInput = z.object({ service: requiredText("Trusted service", 64), enabled: z.enum(["yes", "no"]) });
