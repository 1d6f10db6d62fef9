/// <reference types="vite/client" />
/**
 * A server action can be posted by hand with any serialisable value where the form sends FormData
 * (`0=[null,{…}]`): each answers with a message and writes nothing, rather than failing with a 500.
 */
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { state } from "../helpers/action-harness";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", async () => (await import("../helpers/action-harness")).doubles.cache);
vi.mock("next/navigation", async () => (await import("../helpers/action-harness")).doubles.navigation);
vi.mock("next/headers", async () => (await import("../helpers/action-harness")).doubles.headers);
vi.mock("@/db", async () => (await import("../helpers/action-harness")).doubles.db);
vi.mock("@/app/_lib/session", async () => (await import("../helpers/action-harness")).doubles.session);

import { commandOf } from "@/app/_lib/action";
import { callerFor, testDatabase, type TestDatabase } from "../helpers/db";
import { auditCount, tableCounts } from "../helpers/snapshot";

type ServerAction = (previous: unknown, formData: unknown) => Promise<{ ok: boolean; formError?: string }>;
const actionModules = import.meta.glob<Record<string, unknown>>(["/app/**/actions.ts", "/app/**/*-actions.ts"], { eager: true });
const serverActions = Object.values(actionModules).flatMap((module) =>
  Object.entries(module).filter(([, value]) => typeof value === "function" && commandOf(value as object) !== undefined),
) as [string, ServerAction][];

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
  state.db = t.db;
  state.identity = { caller: await callerFor(t.db, "acme"), loginId: "login-malformed", roleEnded: null, roleNotice: null };
});
afterAll(() => t.dispose());

test.each([null, {}, [], "upTo=1", 42])("every server action refuses %j in place of its form, writing nothing", async (payload) => {
  expect(serverActions.length).toBeGreaterThan(30);
  const tables = await tableCounts(t.db);
  const events = await auditCount(t.db);
  for (const [name, serverAction] of serverActions) {
    const result = await serverAction(null, payload);
    expect(result, name).toMatchObject({ ok: false, formError: "The form could not be read; nothing was changed." });
  }
  expect(await tableCounts(t.db)).toEqual(tables);
  expect(await auditCount(t.db)).toBe(events);
});
