/**
 * Delegated administrators: what the Trusted Services pages show and which form field a refusal
 * belongs to (issue 11's mutation run found these unguarded in lib/rd/delegated-admins.ts).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { accounts, auditEvents } from "@/db/schema";
import type { Caller } from "@/lib/caller";
import type { DomainError } from "@/lib/errors";
import {
  delegationCandidates,
  getTrustedService,
  listTrustedServices,
  multiAccountView,
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

const register = (service: string, account: string) => registerDelegatedAdmin(t.db, acme, { service, accountId: ids[account] ?? account });
const refusal = async (fn: () => Promise<unknown>) => {
  const error = await rejection<DomainError>(fn);
  return { code: error.code, field: error.field };
};

describe("the Trusted Services pages", () => {
  test("each service shows its number of delegated administrators and whether trusted access is on", async () => {
    await register("cloudfw", "globex");
    await register("cloudfw", "initech");
    const byPrincipal = Object.fromEntries((await listTrustedServices(t.db, acme)).map((s) => [s.principal, s]));
    expect(byPrincipal.cloudfw).toMatchObject({ delegatedAdmins: 2, trustedAccess: true });
    expect(byPrincipal.config).toMatchObject({ delegatedAdmins: 0, trustedAccess: false });
  });

  test("a service's page offers only members not yet registered, never the management account", async () => {
    await register("actiontrail", "globex");
    const page = await getTrustedService(t.db, acme, "actiontrail");
    expect(page.trustedAccess).toBe(true);
    expect(page.admins.map((a) => a.name)).toEqual(["globex"]);
    const offered = async (service: string, q = "") => (await delegationCandidates(t.db, acme, service, q)).candidates.map((c) => c.name);
    expect(await offered("actiontrail")).toEqual(["initech"]);
    const untouched = await getTrustedService(t.db, acme, "securitycenter");
    expect(untouched.trustedAccess).toBe(false);
    expect(await offered("securitycenter")).toEqual(["globex", "initech"]);
    expect(await offered("securitycenter", "GLO")).toEqual(["globex"]);
    expect(await offered("securitycenter", "acme")).toEqual([]);
  });

  test("trusted access is turned on with 'yes' and off with 'no'", async () => {
    await setTrustedAccess(t.db, acme, { service: "tag", enabled: "yes" });
    expect((await getTrustedService(t.db, acme, "tag")).trustedAccess).toBe(true);
    await setTrustedAccess(t.db, acme, { service: "tag", enabled: "no" });
    expect((await getTrustedService(t.db, acme, "tag")).trustedAccess).toBe(false);
  });
});

describe("a refusal names the field it belongs to", () => {
  test("an unknown service, a non-member, the management account, an account already registered", async () => {
    expect(await refusal(() => register("nosuch", "globex"))).toEqual({ code: "rd.service_not_found", field: "service" });
    expect(await refusal(() => register("config", "umbrella"))).toEqual({ code: "rd.delegate_not_member", field: "accountId" });
    expect(await refusal(() => register("config", "acme"))).toEqual({ code: "rd.delegate_management", field: "accountId" });
    await register("config", "initech");
    expect(await refusal(() => register("config", "initech"))).toEqual({ code: "rd.already_delegated", field: "accountId" });
  });
});

test("an account that is not a delegated administrator is refused the multi-account module, and the refusal is audited", async () => {
  const umbrella = await callerFor(t.db, "umbrella");
  const error = await rejection<DomainError>(() => multiAccountView(t.db, umbrella, "securitycenter"));
  expect(error.code).toBe("rd.not_delegated_admin");
  const events = await t.db
    .select({ action: auditEvents.action, target: auditEvents.target, decision: auditEvents.decision, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, ids.umbrella!), eq(auditEvents.action, "securitycenter:multiAccount:list")));
  expect(events).toEqual([
    {
      action: "securitycenter:multiAccount:list",
      target: "Security Center multi-account module",
      decision: "deny",
      detail: { reason: "errors.auditReason.notDelegatedAdmin", resource: expect.stringMatching(/^securitycenter::.+:directory:\*$/) },
    },
  ]);
});
