import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Caller } from "@/lib/caller";
import { delegationCandidates, multiAccountView, registerDelegatedAdmin } from "@/lib/rd/delegated-admins";
import { directoryStructure, enableDirectory, getMemberDetails, moveDestinations } from "@/lib/rd/directory";
import { FOLDER_CHOICES_SHOWN, FOLDERS_SHOWN, MEMBERS_PAGE_SIZE } from "@/lib/rd/structure";
import { wholeDirectory } from "@/tests/helpers/directory";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let acme: Caller;
let productionId: string;

// 45 more members in Production (46 with globex), named so that letter case and ties in order matter.
beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  const { directory, folders } = await wholeDirectory(t.db, acme);
  productionId = folders.find((f) => f.name === "Production")!.id;
  await t.db.execute(sql`
    insert into accounts (name, password_hash)
    select case when g % 2 = 0 then 'Member-' else 'member-' end || lpad(g::text, 3, '0'), 'x' from generate_series(1, 45) g`);
  await t.db.execute(sql`
    insert into rd_members (account_id, directory_id, folder_id)
    select id, ${directory.id}, ${productionId} from accounts where lower(name) like 'member-%'`);
});
afterAll(() => t.dispose());

const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name.toLowerCase());

describe("a folder's members, a page at a time", () => {
  test("Next to the end and Previous back see every member once, in name order whatever the letter case; Last reads the final page", async () => {
    const open = (place: Record<string, string> = {}) => directoryStructure(t.db, acme, { folder: productionId, ...place });
    const forward: string[][] = [];
    let page = (await open()).members!;
    forward.push(names(page));
    expect(page.previous).toBeNull();
    while (page.next !== null) {
      page = (await open({ after: page.next })).members!;
      forward.push(names(page));
    }
    expect(forward.map((p) => p.length)).toEqual([MEMBERS_PAGE_SIZE, MEMBERS_PAGE_SIZE, 6]);
    const all = forward.flat();
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(46);
    expect(all).toContain("globex");

    let back = (await open({ last: "1" })).members!;
    expect(names(back)).toEqual(all.slice(-MEMBERS_PAGE_SIZE));
    expect(back.next).toBeNull();
    const backward = [names(back)];
    while (back.previous !== null) {
      back = (await open({ before: back.previous })).members!;
      backward.unshift(names(back));
    }
    expect(backward.flat()).toEqual(all);
  });

  test("a cursor the list did not make reads as the first page", async () => {
    const first = names((await directoryStructure(t.db, acme, { folder: productionId })).members!);
    const forged = Buffer.from(JSON.stringify(["'); select 1; --", "x"])).toString("base64url");
    for (const after of [forged, "abc", "x".repeat(500), ""]) {
      expect(names((await directoryStructure(t.db, acme, { folder: productionId, after })).members!)).toEqual(first);
    }
  });

  test("a search pages across folders and gives each match its folder's path", async () => {
    const found = await directoryStructure(t.db, acme, { q: "MEMBER-0" });
    expect(found.members).toBeNull();
    expect(found.matches!.rows).toHaveLength(MEMBERS_PAGE_SIZE);
    expect(found.matches!.rows.every((m) => m.folder === "Root / Production")).toBe(true);
    const second = await directoryStructure(t.db, acme, { q: "MEMBER-0", after: found.matches!.next! });
    expect(names(second.matches!)[0]).toBe("member-021");
    expect(new Set([...names(found.matches!), ...names(second.matches!)]).size).toBe(40);
    // % and _ are letters, not patterns.
    expect((await directoryStructure(t.db, acme, { q: "%" })).matches!.rows).toEqual([]);
  });
});

describe("folders open on demand", () => {
  test("a folder lists at most FOLDERS_SHOWN subfolders and says there are more", async () => {
    await t.db.execute(sql`
      insert into rd_folders (directory_id, parent_id, name)
      select directory_id, id, 'Team ' || lpad(g::text, 3, '0') from rd_folders, generate_series(1, ${FOLDERS_SHOWN + 5}) g where id = ${productionId}`);
    const view = await directoryStructure(t.db, acme, { folder: productionId });
    const listed = view.subfolders.get(productionId)!;
    expect(listed.folders).toHaveLength(FOLDERS_SHOWN);
    expect(listed.more).toBe(true);
    expect(listed.folders[0]!.name).toBe("Team 001");
    // Root's own subfolders are listed beside the open one's.
    expect(view.subfolders.get(view.trail[0]!.id)!.folders.map((f) => f.name)).toEqual(["Development", "Production"]);
    await t.db.execute(sql`delete from rd_folders where name like 'Team %'`);
  });

  test("a folder of another directory is not found, in the console or in a delegated administrator's view", async () => {
    const umbrella = await callerFor(t.db, "umbrella");
    await enableDirectory(t.db, umbrella, {});
    await expect(directoryStructure(t.db, umbrella, { folder: productionId })).rejects.toMatchObject({ code: "rd.folder_not_found" });
    const umbrellaRoot = (await wholeDirectory(t.db, umbrella)).folders[0];
    const globex = await callerFor(t.db, "globex");
    await registerDelegatedAdmin(t.db, acme, { service: "config", accountId: globex.accountId });
    await expect(multiAccountView(t.db, globex, "config", { folder: umbrellaRoot!.id })).rejects.toMatchObject({ code: "rd.folder_not_found" });
    expect((await multiAccountView(t.db, globex, "config", { folder: productionId })).members!.rows.length).toBe(MEMBERS_PAGE_SIZE);
  });
});

describe("the Add panel's search", () => {
  test("offers at most 20 matches and says more match; a typed name narrows it", async () => {
    const all = await delegationCandidates(t.db, acme, "cloudfw", "member");
    expect(all.candidates).toHaveLength(20);
    expect(all.more).toBe(true);
    const one = await delegationCandidates(t.db, acme, "cloudfw", "member-045");
    expect(one).toEqual({ candidates: [expect.objectContaining({ name: "member-045", folder: "Root / Production" })], more: false });
  });

  test("a search the domain refuses is a message at the field, not a database error", async () => {
    await expect(delegationCandidates(t.db, acme, "cloudfw", "a\u0000b")).rejects.toMatchObject({ name: "ValidationError" });
    await expect(delegationCandidates(t.db, acme, "cloudfw", "x".repeat(65))).rejects.toMatchObject({ name: "ValidationError" });
  });
});

describe("the Move form's folders", () => {
  test("offers the first folders by name with their paths and says more exist; typing searches every folder, like-characters literally", async () => {
    await t.db.execute(sql`
      insert into rd_folders (directory_id, parent_id, name)
      select directory_id, id, 'Team ' || lpad(g::text, 3, '0') from rd_folders, generate_series(1, 30) g where id = ${productionId}`);
    await t.db.execute(
      sql`insert into rd_folders (directory_id, parent_id, name) select directory_id, id, 'Ops_100%' from rd_folders where id = ${productionId}`,
    );
    try {
      const first = await moveDestinations(t.db, acme, "");
      expect(first.folders).toHaveLength(FOLDER_CHOICES_SHOWN);
      expect(first.more).toBe(true);
      expect(first.folders.slice(0, 3).map((f) => f.path)).toEqual(["Root / Development", "Root / Production / Ops_100%", "Root / Production"]);
      expect(await moveDestinations(t.db, acme, "team 03")).toEqual({
        folders: [{ id: expect.any(String), path: "Root / Production / Team 030" }],
        more: false,
      });
      expect((await moveDestinations(t.db, acme, "_100%")).folders.map((f) => f.path)).toEqual(["Root / Production / Ops_100%"]);
      expect((await moveDestinations(t.db, acme, "0_1")).folders).toEqual([]);
    } finally {
      await t.db.execute(sql`delete from rd_folders where name like 'Team %' or name = 'Ops_100%'`);
    }
  });

  test("a member's page names its folder and offers it among the Move choices", async () => {
    const globex = await callerFor(t.db, "globex");
    const details = await getMemberDetails(t.db, acme, globex.accountId);
    expect(details.folder).toBe("Root / Production");
    expect(details.destinations.folders.map((f) => f.path)).toContain("Root / Production");
  });

  test("only a caller who may read the directory sees its folders; a bad search is a message at the field", async () => {
    // bob is in no group: no permission at all.
    await expect(moveDestinations(t.db, await callerFor(t.db, "acme", "bob"), "")).rejects.toMatchObject({ name: "AccessDeniedError" });
    expect((await moveDestinations(t.db, await callerFor(t.db, "acme", "alice"), "")).folders.length).toBeGreaterThan(0);
    await expect(moveDestinations(t.db, await callerFor(t.db, "initech"), "")).rejects.toMatchObject({ code: expect.stringMatching(/^rd\./) });
    await expect(moveDestinations(t.db, acme, "a\u0000b")).rejects.toMatchObject({ name: "ValidationError" });
  });
});
