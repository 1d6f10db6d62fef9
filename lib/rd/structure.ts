/** Reading a directory's folders and members (shared by the management console and delegated administrators' views). */
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, rdFolders, rdMembers, resourceDirectories } from "@/db/schema";

export interface FolderNode {
  id: string;
  parentId: string | null;
  name: string;
}

export interface MemberRow {
  accountId: string;
  name: string;
  folderId: string;
  joinedAt: Date;
  isManagement: boolean;
}

export async function loadStructure(db: Db, directoryId: string) {
  const [directory] = await db
    .select({ directory: resourceDirectories, managementName: accounts.name })
    .from(resourceDirectories)
    .innerJoin(accounts, eq(accounts.id, resourceDirectories.managementAccountId))
    .where(eq(resourceDirectories.id, directoryId));
  const folders: FolderNode[] = await db
    .select({ id: rdFolders.id, parentId: rdFolders.parentId, name: rdFolders.name })
    .from(rdFolders)
    .where(eq(rdFolders.directoryId, directoryId))
    .orderBy(asc(rdFolders.name));
  const rows = await db
    .select({ accountId: rdMembers.accountId, name: accounts.name, folderId: rdMembers.folderId, joinedAt: rdMembers.joinedAt })
    .from(rdMembers)
    .innerJoin(accounts, eq(accounts.id, rdMembers.accountId))
    .where(eq(rdMembers.directoryId, directoryId))
    .orderBy(asc(accounts.name));
  const managementId = directory?.directory.managementAccountId;
  const members: MemberRow[] = rows.map((r) => ({ ...r, isManagement: r.accountId === managementId }));
  return { directory: directory!.directory, managementName: directory!.managementName, folders, members };
}

/** "Root / Production / EU" for a folder. */
export function folderPath(folders: FolderNode[], folderId: string): string {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const names: string[] = [];
  for (let f = byId.get(folderId); f !== undefined && names.length < 10; f = f.parentId ? byId.get(f.parentId) : undefined) names.unshift(f.name);
  return names.join(" / ");
}

/** Levels below Root: Root is 0, its children 1. */
export function folderDepth(folders: FolderNode[], folderId: string): number {
  return folderPath(folders, folderId).split(" / ").length - 1;
}
