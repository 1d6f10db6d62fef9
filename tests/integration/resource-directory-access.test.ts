/** Who may look at a resource directory and at an account's delegated-administrator services. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts, auditEvents } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError } from "@/lib/errors";
import { createFolder, directoryStructure, getMemberDetails, inviteAccount } from "@/lib/rd/directory";
import { wholeDirectory } from "@/tests/helpers/directory";
import {
  delegationCandidates,
  deregisterDelegatedAdmin,
  getTrustedService,
  listTrustedServices,
  myDelegatedServices,
  registerDelegatedAdmin,
  setTrustedAccess,
} from "@/lib/rd/delegated-admins";
import { callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let acme: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await testDatabase();
  acme = await callerFor(t.db, "acme");
  ids = Object.fromEntries((await t.db.select().from(accounts)).map((a) => [a.name, a.id]));
});
afterAll(() => t.dispose());

const register = (caller: Caller, service: string, account: string) => registerDelegatedAdmin(t.db, caller, { service, accountId: ids[account] });
const deregister = (caller: Caller, service: string, account: string) => deregisterDelegatedAdmin(t.db, caller, { service, accountId: ids[account] });

describe("who may look", () => {
  test("without permission, the directory pages refuse alike whether or not a directory exists", async () => {
    // acme manages a directory, globex does not: bob and gus hold no permission in their accounts.
    for (const [account, user] of [
      ["acme", "bob"],
      ["globex", "gus"],
    ] as const) {
      const caller = await callerFor(t.db, account, user);
      const production = (await wholeDirectory(t.db, acme)).folders.find((f) => f.name === "Production")!;
      for (const read of [
        () => listTrustedServices(t.db, caller),
        () => getTrustedService(t.db, caller, "securitycenter"),
        () => directoryStructure(t.db, caller),
        () => delegationCandidates(t.db, caller, "securitycenter", ""),
        () => getMemberDetails(t.db, caller, ids.globex),
        () => createFolder(t.db, caller, { name: "probe", parentId: production.id }),
        () => inviteAccount(t.db, caller, { accountName: "umbrella" }),
        () => register(caller, "securitycenter", "initech"),
        () => setTrustedAccess(t.db, caller, { service: "tag", enabled: "yes" }),
      ]) {
        const error = await rejection(read);
        expect(error, `${account}/${user}: ${String(error)}`).toBeInstanceOf(AccessDeniedError);
      }
    }
    // Whoever may look is told that there is none.
    await expect(listTrustedServices(t.db, await callerFor(t.db, "globex"))).rejects.toMatchObject({ code: "rd.none" });
  });

  test("an account's delegated administrator services are shown only to a principal allowed to list them", async () => {
    await register(acme, "cloudfw", "globex");
    const globexRoot = await callerFor(t.db, "globex");
    expect((await myDelegatedServices(t.db, globexRoot)).map((s) => s.name)).toContain("Cloud Firewall");
    for (const user of ["gus", "gina"]) {
      await expect(myDelegatedServices(t.db, await callerFor(t.db, "globex", user))).rejects.toBeInstanceOf(AccessDeniedError);
    }
    const [denial] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, ids.globex!), eq(auditEvents.action, "resourcemanager:ListDelegatedServicesForAccount")));
    expect(denial).toMatchObject({ decision: "deny" });
    await deregister(acme, "cloudfw", "globex");
  });
});
