/**
 * Trusted services and their delegated administrator accounts (seed 003). The management account
 * (or a principal allowed the two RAM actions) registers members; a registered member then sees
 * the directory's structure in that service's multi-account module.
 */
import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, delegatedAdmins, rdMembers, resourceDirectories, trustedAccess, trustedServices, type TrustedService } from "@/db/schema";
import { multiAccountAction } from "@/lib/authz/action-catalogue";
import { auditDenied, type GuardedRequest, requireAllowed, requireAnyAllowed } from "@/lib/authz/authorize";
import { command } from "@/lib/authz/command";
import { urn } from "@/lib/authz/urn";
import type { Caller } from "@/lib/caller";
import { DomainError } from "@/lib/errors";
import { rdActions, trustedServiceReaders } from "@/lib/rd/actions";
import { directoryUrn, managedDirectory } from "@/lib/rd/directory";
import { delegatedAdminInput, trustedAccessInput } from "@/lib/rd/schemas";
import { browseDirectory, browseQuery, folderPaths, memberPage } from "@/lib/rd/structure";
import { requiredText, validate } from "@/lib/validation";
import { notify } from "@/lib/notifications/notify";
import { phrase } from "@/lib/i18n/message";

async function findService(db: Db, principal: string): Promise<TrustedService> {
  const [service] = await db.select().from(trustedServices).where(eq(trustedServices.principal, principal));
  if (service === undefined) throw new DomainError("rd.service_not_found", { field: "service" });
  return service;
}

const readServices = (db: Db, caller: Caller, target: string) => (resource: string) =>
  requireAnyAllowed(db, caller, trustedServiceReaders, { resource, target });

export async function listTrustedServices(db: Db, caller: Caller) {
  const read = readServices(db, caller, "trusted services");
  const directory = await managedDirectory(db, caller, read);
  await read(directoryUrn(caller, directory.id));
  const services = await db.select().from(trustedServices).orderBy(asc(trustedServices.name));
  const enabled = new Map(
    (await db.select().from(trustedAccess).where(eq(trustedAccess.directoryId, directory.id))).map((t) => [t.servicePrincipal, t.enabledAt]),
  );
  const counts = new Map(
    (
      await db
        .select({ service: delegatedAdmins.servicePrincipal, n: count() })
        .from(delegatedAdmins)
        .where(eq(delegatedAdmins.directoryId, directory.id))
        .groupBy(delegatedAdmins.servicePrincipal)
    ).map((r) => [r.service, Number(r.n)]),
  );
  return services.map((s) => ({
    ...s,
    trustedAccess: enabled.has(s.principal),
    enabledAt: enabled.get(s.principal) ?? null,
    delegatedAdmins: counts.get(s.principal) ?? 0,
  }));
}

/** The caller's directory and a service, once the caller may read the service's page. */
async function serviceReadable(db: Db, caller: Caller, rawPrincipal: unknown) {
  const principal = validate(requiredText("trustedService", 64), rawPrincipal);
  const read = readServices(db, caller, `trusted service ${principal}`);
  const directory = await managedDirectory(db, caller, read);
  await read(directoryUrn(caller, directory.id));
  return { directory, service: await findService(db, principal) };
}

/** A service's page: trusted access and its delegated administrator accounts (members to add are searched for, never all listed). */
export async function getTrustedService(db: Db, caller: Caller, rawPrincipal: unknown) {
  const { directory, service } = await serviceReadable(db, caller, rawPrincipal);
  const registered = await db
    .select({ accountId: delegatedAdmins.accountId, name: accounts.name, folderId: rdMembers.folderId, registeredAt: delegatedAdmins.registeredAt })
    .from(delegatedAdmins)
    .innerJoin(accounts, eq(accounts.id, delegatedAdmins.accountId))
    .innerJoin(rdMembers, eq(rdMembers.accountId, delegatedAdmins.accountId))
    .where(and(eq(delegatedAdmins.directoryId, directory.id), eq(delegatedAdmins.servicePrincipal, service.principal)))
    .orderBy(asc(delegatedAdmins.registeredAt));
  const [access] = await db
    .select()
    .from(trustedAccess)
    .where(and(eq(trustedAccess.directoryId, directory.id), eq(trustedAccess.servicePrincipal, service.principal)));
  const paths = await folderPaths(
    db,
    registered.map((r) => r.folderId),
  );
  const admins = registered.map((r) => ({ accountId: r.accountId, name: r.name, folder: paths.get(r.folderId) ?? "", registeredAt: r.registeredAt }));
  return { service, trustedAccess: access !== undefined, admins };
}

export const CANDIDATES_SHOWN = 20;

/**
 * Members that could become a service's delegated administrator, matching what is typed (by name):
 * the Add panel asks as the user types. Never the management account or a member already registered.
 */
export async function delegationCandidates(db: Db, caller: Caller, rawPrincipal: unknown, rawSearch: unknown) {
  const { directory, service } = await serviceReadable(db, caller, rawPrincipal);
  const { q } = validate(browseQuery.pick({ q: true }), { q: rawSearch });
  const page = await memberPage(db, directory, { q, excludeManagement: true, excludeAdminsOf: service.principal }, {}, CANDIDATES_SHOWN);
  return { candidates: page.rows.map((m) => ({ accountId: m.accountId, name: m.name, folder: m.folder ?? "" })), more: page.next !== null };
}

export const setTrustedAccess = command({
  action: rdActions.enableService,
  also: [rdActions.disableService],
  input: trustedAccessInput,
  async run({ caller, change }, input): Promise<{ serviceName: string; enabled: boolean }> {
    return change(async (tx, guard) => {
      const enable = input.enabled === "yes";
      const action = enable ? rdActions.enableService : rdActions.disableService;
      const directory = await managedDirectory(tx, caller, (resource) => guard({ action, resource, target: "trusted services" }), true);
      const service = await findService(tx, input.service);
      await guard({ action, resource: directoryUrn(caller, directory.id), target: `trusted service ${service.name}` });
      if (enable) {
        await tx.insert(trustedAccess).values({ directoryId: directory.id, servicePrincipal: service.principal }).onConflictDoNothing();
        return { serviceName: service.name, enabled: true };
      }
      const [admin] = await tx
        .select()
        .from(delegatedAdmins)
        .where(and(eq(delegatedAdmins.directoryId, directory.id), eq(delegatedAdmins.servicePrincipal, service.principal)))
        .limit(1);
      if (admin !== undefined) throw new DomainError("rd.trusted_access_in_use");
      await tx.delete(trustedAccess).where(and(eq(trustedAccess.directoryId, directory.id), eq(trustedAccess.servicePrincipal, service.principal)));
      return { serviceName: service.name, enabled: false };
    });
  },
});

export const registerDelegatedAdmin = command({
  action: rdActions.register,
  input: delegatedAdminInput,
  async run({ caller, change }, input): Promise<{ accountName: string; serviceName: string; enabledTrustedAccess: boolean }> {
    return change(async (tx, guard) => {
      // Locking the directory row serializes registrations, so the maximum holds under concurrent requests.
      const directory = await managedDirectory(tx, caller, (resource) => guard({ action: rdActions.register, resource, target: "trusted services" }), true);
      const service = await findService(tx, input.service);
      const [member] = await tx
        .select({ accountId: rdMembers.accountId, name: accounts.name })
        .from(rdMembers)
        .innerJoin(accounts, eq(accounts.id, rdMembers.accountId))
        .where(and(eq(rdMembers.accountId, input.accountId), eq(rdMembers.directoryId, directory.id)));
      const request: GuardedRequest = {
        action: rdActions.register,
        resource: directoryUrn(caller, directory.id),
        target: `trusted service ${service.name}`,
        detail: { account: member?.name ?? input.accountId },
      };
      await guard(request);
      if (caller.agency && member?.accountId === caller.principalAccountId) {
        // A registration outlives the role: the role would give its own account standing access.
        guard.refuse(request, phrase("errors.role.noSelfRegistration", { account: caller.principalAccountName }), "accountId");
      }
      if (service.maxDelegatedAdmins === null)
        throw new DomainError("rd.service_no_delegation", { message: phrase("errors.rd.service_no_delegation_named", { service: service.name }) });
      if (member === undefined) throw new DomainError("rd.delegate_not_member", { field: "accountId" });
      if (member.accountId === directory.managementAccountId) throw new DomainError("rd.delegate_management", { field: "accountId" });
      const current = await tx
        .select({ accountId: delegatedAdmins.accountId })
        .from(delegatedAdmins)
        .where(and(eq(delegatedAdmins.directoryId, directory.id), eq(delegatedAdmins.servicePrincipal, service.principal)));
      if (current.some((c) => c.accountId === member.accountId)) throw new DomainError("rd.already_delegated", { field: "accountId" });
      if (current.length >= service.maxDelegatedAdmins) {
        throw new DomainError("rd.max_delegated", {
          message: phrase("errors.rd.max_delegated_named", { service: service.name, max: service.maxDelegatedAdmins }),
        });
      }
      await tx.insert(delegatedAdmins).values({ directoryId: directory.id, servicePrincipal: service.principal, accountId: member.accountId });
      await notify(tx, member.accountId, "delegated_admin_added", {
        fromAccountName: caller.accountName,
        subject: service.name,
        detail: { service: service.principal },
      });
      // Adding a delegated administrator turns on trusted access for the service.
      const enabled = await tx
        .insert(trustedAccess)
        .values({ directoryId: directory.id, servicePrincipal: service.principal })
        .onConflictDoNothing()
        .returning();
      return { accountName: member.name, serviceName: service.name, enabledTrustedAccess: enabled.length > 0 };
    });
  },
});

export const deregisterDelegatedAdmin = command({
  action: rdActions.deregister,
  input: delegatedAdminInput,
  async run({ caller, change }, input): Promise<{ accountName: string; serviceName: string }> {
    return change(async (tx, guard) => {
      const directory = await managedDirectory(tx, caller, (resource) => guard({ action: rdActions.deregister, resource, target: "trusted services" }), true);
      const service = await findService(tx, input.service);
      const [registration] = await tx
        .select({ id: delegatedAdmins.id, name: accounts.name })
        .from(delegatedAdmins)
        .innerJoin(accounts, eq(accounts.id, delegatedAdmins.accountId))
        .where(
          and(
            eq(delegatedAdmins.directoryId, directory.id),
            eq(delegatedAdmins.servicePrincipal, service.principal),
            eq(delegatedAdmins.accountId, input.accountId),
          ),
        );
      await guard({
        action: rdActions.deregister,
        resource: directoryUrn(caller, directory.id),
        target: `trusted service ${service.name}`,
        detail: { account: registration?.name ?? input.accountId },
      });
      if (registration === undefined) throw new DomainError("rd.delegate_not_found", { field: "accountId" });
      await tx.delete(delegatedAdmins).where(eq(delegatedAdmins.id, registration.id));
      await notify(tx, input.accountId, "delegated_admin_removed", {
        fromAccountName: caller.accountName,
        subject: service.name,
        detail: { service: service.principal },
      });
      return { accountName: registration.name, serviceName: service.name };
    });
  },
});

/** The services for which the acting account is a delegated administrator (its own console's view). */
export async function myDelegatedServices(db: Db, caller: Caller) {
  await requireAllowed(db, caller, {
    action: rdActions.listMyDelegated,
    resource: urn("resourcemanager", null, caller.accountId, "account", caller.accountId),
    target: "delegated administrator services",
  });
  return db
    .select({
      principal: trustedServices.principal,
      name: trustedServices.name,
      description: trustedServices.description,
      registeredAt: delegatedAdmins.registeredAt,
    })
    .from(delegatedAdmins)
    .innerJoin(trustedServices, eq(trustedServices.principal, delegatedAdmins.servicePrincipal))
    .innerJoin(rdMembers, and(eq(rdMembers.accountId, delegatedAdmins.accountId), eq(rdMembers.directoryId, delegatedAdmins.directoryId)))
    .where(eq(delegatedAdmins.accountId, caller.accountId))
    .orderBy(asc(trustedServices.name));
}

/**
 * A service's multi-account module as its delegated administrator sees it: the directory's folders
 * and members, read-only. Checked on every request, so removal takes effect at once.
 */
export async function multiAccountView(db: Db, caller: Caller, rawPrincipal: unknown, rawQuery: unknown = {}) {
  const principal = validate(requiredText("trustedService", 64), rawPrincipal);
  const service = await findService(db, principal);
  const request: GuardedRequest = {
    action: multiAccountAction(service.principal),
    resource: urn(service.principal, null, caller.accountId, "directory", "*"),
    target: `${service.name} multi-account module`,
  };
  await requireAllowed(db, caller, request);
  const [registration] = await db
    .select({ directoryId: delegatedAdmins.directoryId, managementAccountId: resourceDirectories.managementAccountId, managementName: accounts.name })
    .from(delegatedAdmins)
    .innerJoin(rdMembers, and(eq(rdMembers.accountId, delegatedAdmins.accountId), eq(rdMembers.directoryId, delegatedAdmins.directoryId)))
    .innerJoin(resourceDirectories, eq(resourceDirectories.id, delegatedAdmins.directoryId))
    .innerJoin(accounts, eq(accounts.id, resourceDirectories.managementAccountId))
    .where(and(eq(delegatedAdmins.accountId, caller.accountId), eq(delegatedAdmins.servicePrincipal, service.principal)));
  if (registration === undefined) {
    await auditDenied(db, caller, request, "errors.auditReason.notDelegatedAdmin");
    throw new DomainError("rd.not_delegated_admin");
  }
  const view = await browseDirectory(db, { id: registration.directoryId, managementAccountId: registration.managementAccountId }, rawQuery);
  return { service, managementName: registration.managementName, ...view };
}

/** The caller's directory, once the caller may list its delegated administrators. */
async function delegationsReadable(db: Db, caller: Caller) {
  const directory = await managedDirectory(db, caller, readServices(db, caller, "delegated administrators"));
  await requireAllowed(db, caller, { action: rdActions.listDelegated, resource: directoryUrn(caller, directory.id), target: "delegated administrators" });
  return directory;
}

/** Every delegated administrator registration of the caller's directory (or of one service), oldest first: the API's list. */
export async function listDelegatedAdministrators(db: Db, caller: Caller, principal?: string) {
  const directory = await delegationsReadable(db, caller);
  if (principal !== undefined) await findService(db, principal);
  return db
    .select({
      accountId: delegatedAdmins.accountId,
      name: accounts.name,
      servicePrincipal: delegatedAdmins.servicePrincipal,
      registeredAt: delegatedAdmins.registeredAt,
    })
    .from(delegatedAdmins)
    .innerJoin(accounts, eq(accounts.id, delegatedAdmins.accountId))
    .where(and(eq(delegatedAdmins.directoryId, directory.id), principal === undefined ? undefined : eq(delegatedAdmins.servicePrincipal, principal)))
    .orderBy(asc(delegatedAdmins.registeredAt), asc(delegatedAdmins.id));
}

/** The services a member of the caller's directory administers (the management account's view of one member). */
export async function delegatedServicesOfMember(db: Db, caller: Caller, accountId: string) {
  const directory = await delegationsReadable(db, caller);
  const [member] = await db
    .select({ accountId: rdMembers.accountId })
    .from(rdMembers)
    .where(and(eq(rdMembers.accountId, accountId), eq(rdMembers.directoryId, directory.id)));
  if (member === undefined) throw new DomainError("rd.member_not_found");
  return db
    .select({ principal: delegatedAdmins.servicePrincipal, registeredAt: delegatedAdmins.registeredAt })
    .from(delegatedAdmins)
    .where(and(eq(delegatedAdmins.directoryId, directory.id), eq(delegatedAdmins.accountId, accountId)))
    .orderBy(asc(delegatedAdmins.servicePrincipal));
}
