/** The whole of a small directory at once, for tests' set-up and assertions (the console reads it a page at a time). */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, rdFolders, rdMembers } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { directoryStructure } from "@/lib/rd/directory";
import { folderPaths } from "@/lib/rd/structure";

export async function wholeDirectory(db: Db, caller: Caller) {
  const { directory } = await directoryStructure(db, caller);
  const folders = await db
    .select({ id: rdFolders.id, parentId: rdFolders.parentId, name: rdFolders.name })
    .from(rdFolders)
    .where(eq(rdFolders.directoryId, directory.id));
  const paths = await folderPaths(
    db,
    folders.map((f) => f.id),
  );
  const members = await db
    .select({ accountId: rdMembers.accountId, name: accounts.name, folderId: rdMembers.folderId })
    .from(rdMembers)
    .innerJoin(accounts, eq(accounts.id, rdMembers.accountId))
    .where(eq(rdMembers.directoryId, directory.id));
  return { directory, folders, members, pathOf: (folderId: string) => paths.get(folderId) };
}
