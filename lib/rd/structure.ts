/**
 * Reading a directory's folders and members a page at a time (shared by the management console and
 * delegated administrators' views): a directory may hold thousands of members in hundreds of
 * folders, so no view reads them all.
 */
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { keysetPage, likeLiteral, type Place, pageParams, readsBackwards, searchParam } from "@/lib/keyset";
import { isUuid, validate } from "@/lib/validation";

/** Subfolders listed under one folder; beyond them the view says how many more there are. */
export const FOLDERS_SHOWN = 100;
export const MEMBERS_PAGE_SIZE = 20;

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

export interface Directory {
  id: string;
  managementAccountId: string;
}

/** Which folder a view opens, a member search, and where a page of members starts. Links make these; anything else is the default. */
export const browseQuery = z.object({
  folder: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v !== undefined && isUuid(v) ? v : undefined)),
  q: searchParam,
  ...pageParams,
});

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * The folder a view opens (Root when none is named), the folders from Root down to it, and the
 * subfolders of each of those: the tree expands along one path, on demand.
 */
export async function folderTrail(db: Db, directoryId: string, folderId: string | undefined) {
  const trail = rowsOf<{ id: string; parent_id: string | null; name: string }>(
    await db.execute(sql`
      with recursive up as (
        select id, parent_id, name, 0 as depth from rd_folders
        where directory_id = ${directoryId} and ${folderId === undefined ? sql`parent_id is null` : sql`id = ${folderId}`}
        union all
        select f.id, f.parent_id, f.name, up.depth + 1 from rd_folders f join up on f.id = up.parent_id where up.depth < 20
      )
      select id, parent_id, name from up order by depth desc`),
  ).map((r): FolderNode => ({ id: r.id, parentId: r.parent_id, name: r.name }));
  if (trail.length === 0) throw new DomainError("rd.folder_not_found", { field: "folderId" });
  const children = rowsOf<{ id: string; parent_id: string; name: string }>(
    await db.execute(sql`
      select c.id, c.parent_id, c.name from unnest(${uuidArray(trail.map((f) => f.id))}) p(id)
      cross join lateral (
        select id, parent_id, name from rd_folders where directory_id = ${directoryId} and parent_id = p.id order by name limit ${FOLDERS_SHOWN + 1}
      ) c
      order by c.name`),
  );
  const subfolders = new Map<string, { folders: FolderNode[]; more: boolean }>(trail.map((f) => [f.id, { folders: [], more: false }]));
  for (const row of children) {
    const entry = subfolders.get(row.parent_id)!;
    if (entry.folders.length < FOLDERS_SHOWN) entry.folders.push({ id: row.id, parentId: row.parent_id, name: row.name });
    else entry.more = true;
  }
  return { folder: trail.at(-1)!, trail, subfolders };
}

/** "Root / Production / EU" for each folder named. */
export async function folderPaths(db: Db, folderIds: string[]): Promise<Map<string, string>> {
  if (folderIds.length === 0) return new Map();
  const rows = rowsOf<{ start: string; path: string }>(
    await db.execute(sql`
      with recursive up as (
        select id as start, id, parent_id, name, 0 as depth from rd_folders where id = any(${uuidArray([...new Set(folderIds)])})
        union all
        select up.start, f.id, f.parent_id, f.name, up.depth + 1 from rd_folders f join up on f.id = up.parent_id where up.depth < 20
      )
      select start, string_agg(name, ' / ' order by depth desc) as path from up group by start`),
  );
  return new Map(rows.map((r) => [r.start, r.path]));
}

/** Folders a Move offers at once; typing narrows them (a directory may hold thousands). */
export const FOLDER_CHOICES_SHOWN = 20;

/** Folders named like `q` (every folder when empty), by name, each with its path: a Move's choices. */
export async function folderChoices(db: Db, directoryId: string, q: string): Promise<{ folders: { id: string; path: string }[]; more: boolean }> {
  const named = q === "" ? sql`` : sql`and name ilike ${`%${likeLiteral(q)}%`}`;
  const found = rowsOf<{ id: string }>(
    await db.execute(sql`
      select id from rd_folders where directory_id = ${directoryId} ${named}
      order by lower(name), id limit ${FOLDER_CHOICES_SHOWN + 1}`),
  );
  const shown = found.slice(0, FOLDER_CHOICES_SHOWN);
  const paths = await folderPaths(
    db,
    shown.map((f) => f.id),
  );
  return { folders: shown.map((f) => ({ id: f.id, path: paths.get(f.id) ?? "" })), more: found.length > FOLDER_CHOICES_SHOWN };
}

/** Levels below Root of a folder: Root is 0, its children 1. */
export async function folderDepth(db: Db, folderId: string): Promise<number> {
  return ((await folderPaths(db, [folderId])).get(folderId) ?? "").split(" / ").length - 1;
}

type Page<T> = { rows: T[]; previous: string | null; next: string | null };

/**
 * One page of members, by name then id (keyset: every page costs the same however far in), of one
 * folder or matching a search across the directory. A search may leave out the management account
 * and the members a service already has as delegated administrators.
 */
export async function memberPage(
  db: Db,
  directory: Directory,
  where: { folderId: string } | { q: string; excludeManagement?: boolean; excludeAdminsOf?: string },
  place: Place,
  pageSize = MEMBERS_PAGE_SIZE,
): Promise<Page<MemberRow & { folder?: string }>> {
  const backwards = readsBackwards(place);
  const from = place.after ?? place.before;
  const filters: SQL[] = [sql`m.directory_id = ${directory.id}`];
  if ("folderId" in where) filters.push(sql`m.folder_id = ${where.folderId}`);
  else {
    if (where.q !== "") filters.push(sql`a.name ilike ${`%${likeLiteral(where.q)}%`}`);
    if (where.excludeManagement) filters.push(sql`m.account_id <> ${directory.managementAccountId}`);
    if (where.excludeAdminsOf !== undefined)
      filters.push(
        sql`not exists (select 1 from delegated_admins d where d.directory_id = m.directory_id and d.account_id = m.account_id and d.service_principal = ${where.excludeAdminsOf})`,
      );
  }
  if (from !== undefined) filters.push(sql`(lower(a.name), a.id) ${sql.raw(backwards ? "<" : ">")} (${from.key}, ${from.id}::uuid)`);
  const order = sql.raw(backwards ? "desc" : "asc");
  const read = rowsOf<{ account_id: string; name: string; key: string; folder_id: string; joined_at: string | Date }>(
    await db.execute(sql`
      select m.account_id, a.name, lower(a.name) as key, m.folder_id, m.joined_at from rd_members m join accounts a on a.id = m.account_id
      where ${sql.join(filters, sql` and `)}
      order by lower(a.name) ${order}, a.id ${order} limit ${pageSize + 1}`),
  );
  const { rows, previous, next } = keysetPage(read, pageSize, place, (row) => ({ key: row.key, id: row.account_id }));
  const paths =
    "folderId" in where
      ? new Map<string, string>()
      : await folderPaths(
          db,
          rows.map((r) => r.folder_id),
        );
  return {
    rows: rows.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      folderId: r.folder_id,
      joinedAt: new Date(r.joined_at),
      isManagement: r.account_id === directory.managementAccountId,
      ...("folderId" in where ? {} : { folder: paths.get(r.folder_id) ?? "" }),
    })),
    previous,
    next,
  };
}

/** A view of the directory: the tree along the open folder, and its members or a search's matches. */
export async function browseDirectory(db: Db, directory: Directory, rawQuery: unknown) {
  const query = validate(browseQuery, rawQuery);
  const { folder, trail, subfolders } = await folderTrail(db, directory.id, query.folder);
  const place = { after: query.after, before: query.before, last: query.last };
  const members = query.q === "" ? await memberPage(db, directory, { folderId: folder.id }, place) : null;
  const matches = query.q === "" ? null : await memberPage(db, directory, { q: query.q }, place);
  return { folder, trail, subfolders, members, matches, q: query.q };
}
