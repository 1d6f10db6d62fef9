/** The resource directory: enabling it, folders, members and invitations. */
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, delegatedAdmins, rdFolders, rdInvitations, rdMembers, resourceDirectories, trustedServices, type ResourceDirectory } from "@/db/schema";
import { z } from "zod";
import type { PolicyAction } from "@/lib/authz/action-catalogue";
import { type Guard, requireAllowed } from "@/lib/authz/authorize";
import { type CommandContext, command } from "@/lib/authz/command";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { rdActions } from "@/lib/rd/actions";
import { trustedServiceCatalogue } from "@/lib/rd/catalogue";
import { notify } from "@/lib/notifications/notify";
import { createFolderInput, folderIdInput, invitationResponseInput, inviteInput, memberIdInput, moveMemberInput, renameFolderInput } from "@/lib/rd/schemas";
import { browseDirectory, browseQuery, folderChoices, folderDepth, folderPaths, type MemberRow } from "@/lib/rd/structure";
import { id, isUniqueViolation, validate } from "@/lib/validation";

const MAX_FOLDER_DEPTH = 5;

export const directoryUrn = (caller: Caller, directoryId: string) => urn("resourcemanager", null, caller.accountId, "directory", directoryId);

/**
 * The directory the acting account manages; tenant isolation starts here. Without one,
 * `authorizeMissing` runs (with the resource of any directory of the account) before saying so:
 * a caller without the permission is refused exactly as when the directory exists, and so cannot
 * learn whether it does.
 */
export async function managedDirectory(
  db: Db,
  caller: Caller,
  authorizeMissing: (resource: string) => Promise<unknown>,
  lock = false,
): Promise<ResourceDirectory> {
  const query = db.select().from(resourceDirectories).where(eq(resourceDirectories.managementAccountId, caller.accountId));
  const [directory] = lock ? await query.for("update") : await query;
  if (directory === undefined) {
    await authorizeMissing(directoryUrn(caller, "*"));
    throw new DomainError("rd.none");
  }
  return directory;
}

export async function getDirectoryOverview(db: Db, caller: Caller) {
  await requireAllowed(db, caller, { action: rdActions.get, resource: directoryUrn(caller, "*"), target: "resource directory" });
  const invitations = await db
    .select({ id: rdInvitations.id, createdAt: rdInvitations.createdAt, managementName: accounts.name })
    .from(rdInvitations)
    .innerJoin(resourceDirectories, eq(resourceDirectories.id, rdInvitations.directoryId))
    .innerJoin(accounts, eq(accounts.id, resourceDirectories.managementAccountId))
    .where(and(eq(rdInvitations.accountId, caller.accountId), eq(rdInvitations.status, "pending")));
  const [membership] = await db.select().from(rdMembers).where(eq(rdMembers.accountId, caller.accountId));
  if (membership === undefined) return { role: "none" as const, invitations };
  const [directory] = await db
    .select({ directory: resourceDirectories, managementName: accounts.name })
    .from(resourceDirectories)
    .innerJoin(accounts, eq(accounts.id, resourceDirectories.managementAccountId))
    .where(eq(resourceDirectories.id, membership.directoryId));
  if (directory!.directory.managementAccountId !== caller.accountId) {
    return { role: "member" as const, invitations, managementName: directory!.managementName, joinedAt: membership.joinedAt };
  }
  const directoryId = directory!.directory.id;
  const tally = async (table: typeof rdFolders | typeof rdMembers | typeof delegatedAdmins) =>
    Number((await db.select({ n: count() }).from(table).where(eq(table.directoryId, directoryId)))[0]?.n ?? 0);
  const [{ n: pending } = { n: 0 }] = await db
    .select({ n: count() })
    .from(rdInvitations)
    .where(and(eq(rdInvitations.directoryId, directoryId), eq(rdInvitations.status, "pending")));
  return {
    role: "management" as const,
    invitations,
    directory: directory!.directory,
    counts: {
      folders: (await tally(rdFolders)) - 1,
      members: await tally(rdMembers),
      delegatedAdmins: await tally(delegatedAdmins),
      pendingInvitations: Number(pending),
    },
  };
}

export const enableDirectory = command({
  action: rdActions.enable,
  input: z.object({}),
  async run({ caller, change }) {
    return change(async (tx, guard) => {
      await guard({ action: rdActions.enable, resource: directoryUrn(caller, "*"), target: "resource directory" });
      const [membership] = await tx.select().from(rdMembers).where(eq(rdMembers.accountId, caller.accountId));
      if (membership !== undefined) throw new DomainError("rd.already_member");
      try {
        const [directory] = await tx.insert(resourceDirectories).values({ managementAccountId: caller.accountId }).returning();
        const [root] = await tx.insert(rdFolders).values({ directoryId: directory!.id, parentId: null, name: "Root" }).returning();
        await tx.insert(rdMembers).values({ accountId: caller.accountId, directoryId: directory!.id, folderId: root!.id });
        return directory!;
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError("rd.already_member");
        throw error;
      }
    });
  },
});

/** The directory the caller manages, once it may read it. */
async function readableDirectory(db: Db, caller: Caller) {
  const read = (resource: string) => requireAllowed(db, caller, { action: rdActions.get, resource, target: "resource directory" });
  const directory = await managedDirectory(db, caller, read);
  await read(directoryUrn(caller, directory.id));
  return directory;
}

/**
 * The management console's view: the tree along the open folder, its members a page at a time (or a
 * member search's matches), and pending invitations.
 */
export async function directoryStructure(db: Db, caller: Caller, rawQuery: unknown = {}) {
  const directory = await readableDirectory(db, caller);
  const view = await browseDirectory(db, directory, rawQuery);
  const invitations = await db
    .select({ id: rdInvitations.id, accountName: accounts.name, createdAt: rdInvitations.createdAt })
    .from(rdInvitations)
    .innerJoin(accounts, eq(accounts.id, rdInvitations.accountId))
    .where(and(eq(rdInvitations.directoryId, directory.id), eq(rdInvitations.status, "pending")));
  return { directory, ...view, invitations };
}

async function folderIn(tx: Db, directoryId: string, folderId: string) {
  const [folder] = await tx
    .select()
    .from(rdFolders)
    .where(and(eq(rdFolders.id, folderId), eq(rdFolders.directoryId, directoryId)));
  if (folder === undefined) throw new DomainError("rd.folder_not_found", { field: "folderId" });
  return folder;
}

/**
 * Runs a change of the acting account's directory, with the directory locked for its duration.
 * `action` is what the change needs, checked first when there is no directory.
 */
function changeDirectory<T>({ caller, change }: CommandContext, action: PolicyAction, fn: (tx: Tx, directory: ResourceDirectory, guard: Guard) => Promise<T>) {
  return change(async (tx, guard) => {
    const directory = await managedDirectory(tx, caller, (resource) => guard({ action, resource, target: "resource directory" }), true);
    return fn(tx, directory, guard);
  });
}

const folderNameTaken = (error: unknown) => {
  if (isUniqueViolation(error)) return new DomainError("rd.folder_name_taken", { field: "name" });
  return error;
};

export const createFolder = command({
  action: rdActions.createFolder,
  input: createFolderInput,
  async run(context, input) {
    const { caller } = context;
    return changeDirectory(context, rdActions.createFolder, async (tx, directory, guard) => {
      const parent = await folderIn(tx, directory.id, input.parentId).catch(() => {
        throw new DomainError("rd.folder_not_found", { field: "parentId" });
      });
      await guard({
        action: rdActions.createFolder,
        resource: directoryUrn(caller, directory.id),
        target: `folder ${input.name}`,
        detail: { parent: parent.name },
      });
      if ((await folderDepth(tx, parent.id)) + 1 > MAX_FOLDER_DEPTH) throw new DomainError("rd.folder_too_deep", { field: "parentId" });
      try {
        const [folder] = await tx.insert(rdFolders).values({ directoryId: directory.id, parentId: parent.id, name: input.name }).returning();
        return folder!;
      } catch (error) {
        throw folderNameTaken(error);
      }
    });
  },
});

export const renameFolder = command({
  action: rdActions.updateFolder,
  input: renameFolderInput,
  async run(context, input): Promise<void> {
    const { caller } = context;
    await changeDirectory(context, rdActions.updateFolder, async (tx, directory, guard) => {
      const folder = await folderIn(tx, directory.id, input.folderId);
      if (folder.parentId === null) throw new DomainError("rd.root_readonly");
      await guard({
        action: rdActions.updateFolder,
        resource: directoryUrn(caller, directory.id),
        target: `folder ${folder.name}`,
        detail: { renamedTo: input.name },
      });
      try {
        await tx.update(rdFolders).set({ name: input.name }).where(eq(rdFolders.id, folder.id));
      } catch (error) {
        throw folderNameTaken(error);
      }
    });
  },
});

export const deleteFolder = command({
  action: rdActions.deleteFolder,
  input: folderIdInput,
  async run(context, { folderId }): Promise<void> {
    const { caller } = context;
    await changeDirectory(context, rdActions.deleteFolder, async (tx, directory, guard) => {
      const folder = await folderIn(tx, directory.id, folderId);
      if (folder.parentId === null) throw new DomainError("rd.root_readonly");
      await guard({ action: rdActions.deleteFolder, resource: directoryUrn(caller, directory.id), target: `folder ${folder.name}` });
      const [child] = await tx.select({ id: rdFolders.id }).from(rdFolders).where(eq(rdFolders.parentId, folder.id)).limit(1);
      const [member] = await tx.select({ id: rdMembers.accountId }).from(rdMembers).where(eq(rdMembers.folderId, folder.id)).limit(1);
      if (child !== undefined || member !== undefined) throw new DomainError("rd.folder_not_empty");
      await tx.delete(rdFolders).where(eq(rdFolders.id, folder.id));
    });
  },
});

async function memberIn(tx: Db, directoryId: string, accountId: string) {
  const [member] = await tx
    .select({ member: rdMembers, name: accounts.name })
    .from(rdMembers)
    .innerJoin(accounts, eq(accounts.id, rdMembers.accountId))
    .where(and(eq(rdMembers.accountId, accountId), eq(rdMembers.directoryId, directoryId)));
  if (member === undefined) throw new DomainError("rd.member_not_found", { field: "accountId" });
  return member;
}

export const moveMember = command({
  action: rdActions.moveAccount,
  input: moveMemberInput,
  async run(context, input): Promise<void> {
    const { caller } = context;
    await changeDirectory(context, rdActions.moveAccount, async (tx, directory, guard) => {
      const member = await memberIn(tx, directory.id, input.accountId);
      const folder = await folderIn(tx, directory.id, input.folderId);
      await guard({
        action: rdActions.moveAccount,
        resource: directoryUrn(caller, directory.id),
        target: `account ${member.name}`,
        detail: { folder: folder.name },
      });
      await tx.update(rdMembers).set({ folderId: folder.id }).where(eq(rdMembers.accountId, member.member.accountId));
    });
  },
});

export const inviteAccount = command({
  action: rdActions.invite,
  input: inviteInput,
  async run(context, input): Promise<void> {
    const { caller } = context;
    await changeDirectory(context, rdActions.invite, async (tx, directory, guard) => {
      await guard({ action: rdActions.invite, resource: directoryUrn(caller, directory.id), target: `account ${input.accountName}` });
      // Account names are unique regardless of case, and found so.
      const [invitee] = await tx.select().from(accounts).where(sql`lower(${accounts.name}) = lower(${input.accountName})`);
      if (invitee === undefined) throw new DomainError("rd.invitee_unknown", { field: "accountName" });
      const [membership] = await tx.select().from(rdMembers).where(eq(rdMembers.accountId, invitee.id));
      if (membership !== undefined) throw new DomainError("rd.invitee_member", { field: "accountName" });
      const [pending] = await tx
        .select()
        .from(rdInvitations)
        .where(and(eq(rdInvitations.directoryId, directory.id), eq(rdInvitations.accountId, invitee.id), eq(rdInvitations.status, "pending")));
      if (pending !== undefined) throw new DomainError("rd.invitee_pending", { field: "accountName" });
      await tx.insert(rdInvitations).values({ directoryId: directory.id, accountId: invitee.id });
    });
  },
});

/** The invited account accepts (joining under Root) or declines, in its own console. */
export const respondToInvitation = command({
  action: rdActions.accept,
  also: [rdActions.decline],
  input: invitationResponseInput,
  async run({ caller, change }, input): Promise<void> {
    await change(async (tx, guard) => {
      const [invitation] = await tx
        .select()
        .from(rdInvitations)
        .where(and(eq(rdInvitations.id, input.invitationId), eq(rdInvitations.accountId, caller.accountId), eq(rdInvitations.status, "pending")))
        .for("update");
      if (invitation === undefined) throw new DomainError("rd.invitation_not_found");
      const accept = input.accept === "yes";
      await guard({
        action: accept ? rdActions.accept : rdActions.decline,
        resource: directoryUrn(caller, invitation.directoryId),
        target: "resource directory invitation",
      });
      await tx
        .update(rdInvitations)
        .set({ status: accept ? "accepted" : "declined", respondedAt: new Date() })
        .where(eq(rdInvitations.id, invitation.id));
      if (!accept) return;
      // The root is the folder without a parent; a member folder may also be named "Root".
      const [root] = await tx
        .select()
        .from(rdFolders)
        .where(and(eq(rdFolders.directoryId, invitation.directoryId), isNull(rdFolders.parentId)));
      try {
        await tx.insert(rdMembers).values({ accountId: caller.accountId, directoryId: invitation.directoryId, folderId: root!.id });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError("rd.already_member");
        throw error;
      }
    });
  },
});

/** Membership ends with every delegated administrator registration of the account, in the same transaction; returns those registrations' services. */
async function dropMembership(tx: Tx, directoryId: string, accountId: string) {
  const dropped = await tx
    .delete(delegatedAdmins)
    .where(and(eq(delegatedAdmins.directoryId, directoryId), eq(delegatedAdmins.accountId, accountId)))
    .returning({ principal: delegatedAdmins.servicePrincipal });
  await tx.delete(rdMembers).where(eq(rdMembers.accountId, accountId));
  return dropped.map((d) => trustedServiceCatalogue.find((s) => s.principal === d.principal) ?? { principal: d.principal, name: d.principal });
}

export const removeMember = command({
  action: rdActions.removeAccount,
  input: memberIdInput,
  async run(context, { accountId }): Promise<void> {
    const { caller } = context;
    await changeDirectory(context, rdActions.removeAccount, async (tx, directory, guard) => {
      const member = await memberIn(tx, directory.id, accountId);
      await guard({ action: rdActions.removeAccount, resource: directoryUrn(caller, directory.id), target: `account ${member.name}` });
      if (member.member.accountId === directory.managementAccountId) throw new DomainError("rd.remove_management");
      // Removed by the directory, the account learns that its delegated administration ended with it.
      for (const service of await dropMembership(tx, directory.id, member.member.accountId)) {
        await notify(tx, member.member.accountId, "delegated_admin_removed", {
          fromAccountName: caller.accountName,
          subject: service.name,
          detail: { service: service.principal },
        });
      }
    });
  },
});

export const leaveDirectory = command({
  action: rdActions.leave,
  input: z.object({}),
  async run({ caller, change }): Promise<void> {
    await change(async (tx, guard) => {
      const [membership] = await tx
        .select({ member: rdMembers, managementAccountId: resourceDirectories.managementAccountId })
        .from(rdMembers)
        .innerJoin(resourceDirectories, eq(resourceDirectories.id, rdMembers.directoryId))
        .where(eq(rdMembers.accountId, caller.accountId))
        .for("update");
      if (membership === undefined) throw new DomainError("rd.member_not_found");
      await guard({ action: rdActions.leave, resource: directoryUrn(caller, membership.member.directoryId), target: "resource directory" });
      if (membership.managementAccountId === caller.accountId) throw new DomainError("rd.remove_management");
      await dropMembership(tx, membership.member.directoryId, caller.accountId);
    });
  },
});

/** One member as the management account sees it: its folder, the services it administers, and the folders it could move to. */
export async function getMemberDetails(db: Db, caller: Caller, rawAccountId: unknown) {
  const accountId = validate(id("member"), rawAccountId);
  const directory = await readableDirectory(db, caller);
  const [row] = await db
    .select({ accountId: rdMembers.accountId, name: accounts.name, folderId: rdMembers.folderId, joinedAt: rdMembers.joinedAt })
    .from(rdMembers)
    .innerJoin(accounts, eq(accounts.id, rdMembers.accountId))
    .where(and(eq(rdMembers.accountId, accountId), eq(rdMembers.directoryId, directory.id)));
  if (row === undefined) throw new DomainError("rd.member_not_found");
  const member: MemberRow = { ...row, isManagement: row.accountId === directory.managementAccountId };
  const services = await db
    .select({ name: trustedServices.name, registeredAt: delegatedAdmins.registeredAt })
    .from(delegatedAdmins)
    .innerJoin(trustedServices, eq(trustedServices.principal, delegatedAdmins.servicePrincipal))
    .where(and(eq(delegatedAdmins.directoryId, directory.id), eq(delegatedAdmins.accountId, accountId)));
  // The Move form's first choices, its current folder among them; its path is read only when they lack it.
  const choices = await folderChoices(db, directory.id, "");
  const listed = choices.folders.find((f) => f.id === member.folderId);
  if (listed !== undefined) return { member, folder: listed.path, services, destinations: choices };
  const folder = (await folderPaths(db, [member.folderId])).get(member.folderId) ?? "";
  return { member, folder, services, destinations: { ...choices, folders: [{ id: member.folderId, path: folder }, ...choices.folders] } };
}

/** The folders a member could be moved to, named like what is typed: the Move form's search. */
export async function moveDestinations(db: Db, caller: Caller, rawSearch: unknown) {
  const directory = await readableDirectory(db, caller);
  const { q } = validate(browseQuery.pick({ q: true }), { q: rawSearch });
  return folderChoices(db, directory.id, q);
}
