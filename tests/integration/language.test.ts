/**
 * The console's language: the principal's saved choice, then the browser's cookie, then its
 * Accept-Language; choosing one saves it (audited, once), and server actions answer in it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { state } from "../helpers/action-harness";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("../helpers/action-harness")).doubles.cache);
vi.mock("next/navigation", async () => (await import("../helpers/action-harness")).doubles.navigation);
vi.mock("next/headers", async () => (await import("../helpers/action-harness")).doubles.headers);
vi.mock("@/db", async () => (await import("../helpers/action-harness")).doubles.db);
vi.mock("@/app/_lib/session", async () => (await import("../helpers/action-harness")).doubles.session);

import { chooseLanguage } from "@/app/_lib/i18n/choose-language";
import { LANGUAGE_COOKIE, requestLanguage } from "@/app/_lib/i18n/language";
import { createGroupAction } from "@/app/(console)/iam/groups/actions";
import { accounts, auditEvents, policies, users } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { setOwnLanguage } from "@/lib/iam/language";
import { assumeRole } from "@/lib/roles/role-sessions";
import { agencyTrustingGlobex, callerFor, rejection, testDatabase, type TestDatabase } from "../helpers/db";
import { auditCount, tableCounts } from "../helpers/snapshot";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
  state.db = t.db;
});
afterAll(() => t.dispose());
beforeEach(() => {
  state.cookies.clear();
  state.requestHeaders.clear();
  state.identity = null;
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

async function savedLanguage(accountName: string, userName: string) {
  const [row] = await t.db
    .select({ language: users.language })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(accounts.name, accountName), eq(users.name, userName)));
  return row?.language;
}

describe("which language a request gets", () => {
  test("the saved choice wins over the cookie and the browser", async () => {
    state.identity = { caller: await callerFor(t.db, "acme", "alice"), loginId: "l", roleEnded: null, roleNotice: null, language: "zh-CN" };
    state.cookies.set(LANGUAGE_COOKIE, "en");
    state.requestHeaders.set("accept-language", "en-US,en;q=0.9");
    expect(await requestLanguage()).toBe("zh-CN");
  });

  test("then the cookie, then Accept-Language, then English", async () => {
    state.cookies.set(LANGUAGE_COOKIE, "zh-CN");
    state.requestHeaders.set("accept-language", "en-US");
    expect(await requestLanguage()).toBe("zh-CN");
    state.cookies.clear();
    state.requestHeaders.set("accept-language", "zh-Hans-CN,zh;q=0.9,en;q=0.5");
    expect(await requestLanguage()).toBe("zh-CN");
    state.requestHeaders.set("accept-language", "de-DE,fr;q=0.8");
    expect(await requestLanguage()).toBe("en");
    state.requestHeaders.clear();
    expect(await requestLanguage()).toBe("en");
  });

  test("a cookie or saved value that is not one of the console's languages is ignored", async () => {
    state.identity = { caller: await callerFor(t.db, "acme", "alice"), loginId: "l", roleEnded: null, roleNotice: null, language: "klingon" };
    state.cookies.set(LANGUAGE_COOKIE, "fr");
    state.requestHeaders.set("accept-language", "zh");
    expect(await requestLanguage()).toBe("zh-CN");
  });
});

describe("choosing a language", () => {
  test("a signed-in user's choice is saved with the user, audited once, and kept in the cookie", async () => {
    state.identity = { caller: await callerFor(t.db, "acme", "bob"), loginId: "l", roleEnded: null, roleNotice: null };
    const before = await auditCount(t.db);
    await chooseLanguage(form({ language: "zh-CN" }));
    expect(await savedLanguage("acme", "bob")).toBe("zh-CN");
    expect(state.cookies.get(LANGUAGE_COOKIE)).toBe("zh-CN");
    expect(await auditCount(t.db)).toBe(before + 1);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "iam:users:setLanguage"));
    expect(event).toMatchObject({ actor: "acme/bob", decision: "allow", target: "user bob", detail: { language: "zh-CN" } });
    // The same choice again changes nothing and records nothing.
    await chooseLanguage(form({ language: "zh-CN" }));
    expect(await auditCount(t.db)).toBe(before + 1);
  });

  test("the root user's choice is kept on its account", async () => {
    state.identity = { caller: await callerFor(t.db, "initech"), loginId: "l", roleEnded: null, roleNotice: null };
    await chooseLanguage(form({ language: "zh-CN" }));
    const [row] = await t.db.select({ language: accounts.language }).from(accounts).where(eq(accounts.name, "initech"));
    expect(row?.language).toBe("zh-CN");
  });

  test("from a switched role it is the principal's own choice, never the delegating account's", async () => {
    const acme = await callerFor(t.db, "acme");
    const [policy] = await t.db.select().from(policies).where(eq(policies.name, "OBS ReadOnlyAccess"));
    await agencyTrustingGlobex(t.db, acme, policy!.id, "lang-role");
    const gina = await callerFor(t.db, "globex", "gina");
    const { caller: role } = await assumeRole(t.db, gina, { accountName: "acme", agencyName: "lang-role" }, "lang-login");
    state.identity = { caller: role, loginId: "lang-login", roleEnded: null, roleNotice: null };
    await chooseLanguage(form({ language: "zh-CN" }));
    expect(await savedLanguage("globex", "gina")).toBe("zh-CN");
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "iam:users:setLanguage"), eq(auditEvents.actorUserId, gina.userId!)));
    expect(event?.accountId).toBe(gina.accountId);
  });

  test("signed out, only the cookie is set", async () => {
    const tables = await tableCounts(t.db);
    const events = await auditCount(t.db);
    await chooseLanguage(form({ language: "zh-CN" }));
    expect(state.cookies.get(LANGUAGE_COOKIE)).toBe("zh-CN");
    expect(await tableCounts(t.db)).toEqual(tables);
    expect(await auditCount(t.db)).toBe(events);
  });

  test.each([["fr"], [""], ["zh-CN; Path=/evil"]])("%j is refused: nothing saved, no cookie", async (language) => {
    state.identity = { caller: await callerFor(t.db, "acme", "alice"), loginId: "l", roleEnded: null, roleNotice: null };
    const tables = await tableCounts(t.db);
    const events = await auditCount(t.db);
    await chooseLanguage(form({ language }));
    await chooseLanguage(null as unknown as FormData);
    expect(state.cookies.has(LANGUAGE_COOKIE)).toBe(false);
    expect(await tableCounts(t.db)).toEqual(tables);
    expect(await auditCount(t.db)).toBe(events);
    expect(await savedLanguage("acme", "alice")).toBeNull();
  });

  test("the domain refuses an unknown language whoever calls it", async () => {
    const alice = await callerFor(t.db, "acme", "alice");
    const error = await rejection<ValidationError>(() => setOwnLanguage(t.db, alice, { language: "xx" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors)).toEqual(["language"]);
  });
});

describe("answers in the reader's language", () => {
  test("a refused server action says why in Chinese when the reader chose it, and in English otherwise", async () => {
    state.identity = { caller: await callerFor(t.db, "acme"), loginId: "l", roleEnded: null, roleNotice: null };
    state.cookies.set(LANGUAGE_COOKIE, "zh-CN");
    const zh = await createGroupAction({ ok: false, fieldErrors: {}, formError: undefined, values: {} }, form({ name: "", description: "" }));
    expect(zh?.ok).toBe(false);
    expect(zh?.ok === false ? zh.fieldErrors.name : null).toEqual(["用户组名称不能为空。"]);
    state.cookies.clear();
    const en = await createGroupAction({ ok: false, fieldErrors: {}, formError: undefined, values: {} }, form({ name: "", description: "" }));
    expect(en?.ok === false ? en.fieldErrors.name : null).toEqual(["User group name is required."]);
  });
});
