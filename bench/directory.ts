/**
 * The resource directory at 100 member accounts in 5 folders and at 10,000 in 500 (issue 15): the
 * structure page, an open folder, member searches, the Add panel's search, a member's page and a
 * delegated administrator's view should each cost about the same at both sizes. Each pair is
 * printed with its ratio.
 */
import { sql } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { delegationCandidates, multiAccountView, registerDelegatedAdmin } from "@/lib/rd/delegated-admins";
import { directoryStructure, getMemberDetails, moveDestinations } from "@/lib/rd/directory";
import { callerFor } from "@/tests/helpers/db";
import { reportPairs, type Timing, time } from "./harness";

const SIZES = [
  { members: 100, folders: 5 },
  { members: 10_000, folders: 500 },
] as const;
const TARGET_RATIO = 1.5;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Top-level folders under Root (at most 20), the rest spread beneath them, and the members spread
 * over every folder (bulk SQL: the benchmark times reads, not inserts).
 */
async function fill(db: Db, directoryId: string, rootId: string, size: (typeof SIZES)[number]): Promise<void> {
  const top = Math.min(20, size.folders);
  await db.execute(sql`
    insert into rd_folders (directory_id, parent_id, name)
    select ${directoryId}::uuid, ${rootId}::uuid, 'Unit ' || lpad(g::text, 2, '0') from generate_series(1, ${top}::int) g`);
  await db.execute(sql`
    insert into rd_folders (directory_id, parent_id, name)
    select ${directoryId}::uuid, (select id from rd_folders where parent_id = ${rootId}::uuid and name = 'Unit ' || lpad((1 + g % ${top}::int)::text, 2, '0')),
           'Team ' || lpad(g::text, 3, '0')
    from generate_series(1, ${size.folders - top}::int) g`);
  await db.execute(sql`
    insert into accounts (name, password_hash)
    select 'bench-' || (array['billing','data','ops','security','web'])[1 + g % 5] || '-' || lpad(g::text, 5, '0'), 'x'
    from generate_series(1, ${size.members}::int) g`);
  await db.execute(sql`
    with benchFolders as (select id, row_number() over (order by name) - 1 as n from rd_folders where directory_id = ${directoryId}::uuid and (name like 'Team %' or name like 'Unit %')),
         benchAccounts as (select id, row_number() over (order by name) - 1 as n from accounts where name like 'bench-%')
    insert into rd_members (account_id, directory_id, folder_id)
    select a.id, ${directoryId}::uuid, f.id from benchAccounts a join benchFolders f on f.n = a.n % (select count(*) from benchFolders)`);
  await db.execute(sql`analyze accounts`);
  await db.execute(sql`analyze rd_members`);
  await db.execute(sql`analyze rd_folders`);
}

async function empty(db: Db): Promise<void> {
  await db.execute(sql`delete from rd_members where account_id in (select id from accounts where name like 'bench-%')`);
  await db.execute(sql`delete from accounts where name like 'bench-%'`);
  await db.execute(sql`delete from rd_folders where name like 'Team %'`);
  await db.execute(sql`delete from rd_folders where name like 'Unit %'`);
}

export async function benchDirectory(handle: DbHandle, label: string): Promise<void> {
  const db = handle.db;
  const acme = await callerFor(db, "acme");
  const globex = await callerFor(db, "globex");
  await registerDelegatedAdmin(db, acme, { service: "config", accountId: globex.accountId });
  const { directory, folder: root } = await directoryStructure(db, acme);
  const results: Timing[][] = [];
  for (const size of SIZES) {
    await fill(db, directory.id, root.id, size);
    // A folder holding members at both sizes, and one member of it.
    const [sample] = rowsOf<{ folder_id: string; account_id: string; name: string }>(
      await db.execute(sql`
        select m.folder_id, m.account_id, a.name from rd_members m join accounts a on a.id = m.account_id
        where a.name like 'bench-%' order by a.name desc limit 1`),
    );
    const { folder_id: folderId, account_id: memberId, name } = sample!;
    results.push([
      await time("structure page (Root open)", 30, () => directoryStructure(db, acme, {})),
      await time("a folder open", 30, () => directoryStructure(db, acme, { folder: folderId })),
      await time("member search, one hit", 30, () => directoryStructure(db, acme, { q: name })),
      await time('member search "security" (a fifth match)', 30, () => directoryStructure(db, acme, { q: "security" })),
      await time("Add panel, nothing typed", 30, () => delegationCandidates(db, acme, "config", "")),
      await time("Add panel, a name typed", 30, () => delegationCandidates(db, acme, "config", name.slice(0, -1))),
      await time("a member's page (with its first Move choices)", 30, () => getMemberDetails(db, acme, memberId)),
      await time("Move: a folder name typed", 30, () => moveDestinations(db, acme, "unit 0")),
      await time("delegated administrator's view, a folder open", 30, () => multiAccountView(db, globex, "config", { folder: folderId })),
    ]);
    await empty(db);
  }
  const [small, large] = results;
  reportPairs(
    `Resource directory on ${label}: ${SIZES[0].members} members in ${SIZES[0].folders} folders vs ${SIZES[1].members.toLocaleString("en")} in ${SIZES[1].folders}`,
    [`${SIZES[0].members}`, `${SIZES[1].members}`],
    small!,
    large!,
    TARGET_RATIO,
  );
}
