import { z } from "zod";
import { phrase } from "@/lib/i18n/message";
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE } from "@/lib/auth/name-rules";
import { id, requiredText } from "@/lib/validation";

export const folderName = requiredText("folderName", 24).regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, phrase("validation.rd.folderNameCharacters"));

export const createFolderInput = z.object({ name: folderName, parentId: id("parentFolder") });
export const renameFolderInput = z.object({ folderId: id("folder"), name: folderName });
export const folderIdInput = z.object({ folderId: id("folder") });
export const memberIdInput = z.object({ accountId: id("member") });
export const moveMemberInput = z.object({ accountId: id("member"), folderId: id("folder") });
export const inviteInput = z.object({
  accountName: requiredText("directoryAccountName", 64).regex(ACCOUNT_NAME, ACCOUNT_NAME_RULE),
});
export const invitationResponseInput = z.object({ invitationId: id("invitation"), accept: z.enum(["yes", "no"]) });
export const delegatedAdminInput = z.object({
  service: requiredText("trustedService", 64),
  accountId: id("memberAccount"),
});
export const trustedAccessInput = z.object({ service: requiredText("trustedService", 64), enabled: z.enum(["yes", "no"]) });
