/**
 * The rows of tests/integration/escalation-matrix.test.ts: who tries what, and the refusal it must
 * meet (null for a control row that must succeed). Callers are set up by that file.
 */
import { and, eq } from "drizzle-orm";
import { groupGrants } from "@/db/schema";
import { assumeRole } from "@/lib/roles/role-sessions";
import type { Fields, Fixture } from "../helpers/action-harness";
import { callerFor } from "../helpers/db";

const allow = (...actionNames: string[]) => JSON.stringify({ Version: "1.1", Statement: [{ Effect: "Allow", Action: actionNames }] });

export interface Row {
  as: string;
  action: string;
  fields: (f: Fixture) => Promise<Fields>;
  /** Text the refusal must contain (the action the caller lacks, or the rule); null: the control row succeeds. */
  refusal: string | null;
}

const ownGroup = (f: Fixture, name: string) => f.id("group", `g-${name}`);
export const rows: Record<string, Row> = {
  "granting Security Administrator to one's own group": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await ownGroup(f, "granter"), policyId: await f.id("policy", "Security Administrator"), scopeKind: "all" }),
    refusal: "Only the root user or a Security Administrator can hand on IAM management",
  },
  "granting ECS FullAccess while holding ECS ReadOnlyAccess": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted"), policyId: await f.id("policy", "ECS FullAccess"), scopeKind: "all" }),
    refusal: "allows ecs:instances:create, which you do not hold",
  },
  "control: granting ECS ReadOnlyAccess, which the granter holds": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({
      groupId: await f.id("group", "restricted"),
      policyId: await f.id("policy", "ECS ReadOnlyAccess"),
      scopeKind: "regions",
      regions: ["cn-north-4"],
    }),
    refusal: null,
  },
  "control: alice (Security Administrator) grants Security Administrator": {
    as: "alice",
    action: "grantPolicyAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted"), policyId: await f.id("policy", "Security Administrator"), scopeKind: "all" }),
    refusal: null,
  },
  "adding oneself to admins": {
    as: "adder",
    action: "addUserToGroupAction",
    fields: async (f) => ({ userId: await f.id("user", "adder"), groupId: await f.id("group", "admins") }),
    refusal: "Only the root user or a Security Administrator can hand on IAM management",
  },
  "adding another user to a group with ECS FullAccess": {
    as: "adder",
    action: "addUserToGroupAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), groupId: await f.id("group", "ecs-full") }),
    refusal: "which you do not hold",
  },
  "widening a policy attached to one's own group": {
    as: "editor",
    action: "updatePolicyAction",
    fields: async (f) => ({ policyId: await f.id("policy", "edited"), name: "edited", document: allow("ecs:*:*") }),
    refusal: "allows ecs:instances:create, which you do not hold",
  },
  "revoking the Deny that holds oneself back": {
    as: "revoker",
    action: "revokeGrantAction",
    fields: async (f) => {
      const [row] = await f.db
        .select({ id: groupGrants.id })
        .from(groupGrants)
        .where(and(eq(groupGrants.groupId, await ownGroup(f, "revoker")), eq(groupGrants.policyId, await f.id("policy", "no-ecs-delete"))));
      return { grantId: row!.id };
    },
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "leaving a group whose Deny holds oneself back": {
    as: "remover",
    action: "removeUserFromGroupAction",
    fields: async (f) => ({ userId: await f.id("user", "remover"), groupId: await f.id("group", "restricted") }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "deleting a group whose Deny holds its members back": {
    as: "deleter",
    action: "deleteGroupAction",
    fields: async (f) => ({ groupId: await f.id("group", "restricted") }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "removing the Deny that holds an agency back": {
    as: "lender",
    action: "removeAgencyPermissionAction",
    fields: async (f) => {
      const { getAgency } = await import("@/lib/agencies/agencies");
      const agencyId = await f.id("agency", "restrained");
      const permission = (await getAgency(f.db, f.acme, agencyId)).permissions.find((p) => p.policyName === "no-ecs-delete")!;
      return { agencyId, permissionId: permission.id };
    },
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "narrowing the scope of the Deny that holds an agency back": {
    as: "lender",
    action: "addAgencyPermissionsAction",
    // From every resource to one region (a project-level Deny in "Global services" is refused as a scope that cannot apply).
    fields: async (f) => ({
      agencyId: await f.id("agency", "restrained"),
      policyIds: [await f.id("policy", "no-ecs-delete")],
      scopeKind: "regions",
      regions: ["cn-north-4"],
    }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "narrowing the scope of the Deny that holds a group back": {
    as: "granter",
    action: "grantPolicyAction",
    fields: async (f) => ({
      groupId: await f.id("group", "restricted"),
      policyId: await f.id("policy", "no-ecs-delete"),
      scopeKind: "regions",
      regions: ["cn-north-4"],
    }),
    refusal: "allows ecs:instances:delete, which you do not hold",
  },
  "creating an agency that lends Tenant Administrator": {
    as: "creator",
    action: "createAgencyAction",
    fields: async (f) => ({
      name: "wide",
      type: "account",
      delegatedAccount: "umbrella",
      validityKind: "unlimited",
      policyIds: [await f.id("policy", "Tenant Administrator")],
      scopeKind: "all",
    }),
    refusal: "which you do not hold",
  },
  "creating a cloud-service agency that lends ECS FullAccess": {
    as: "creator",
    action: "createAgencyAction",
    fields: async (f) => ({
      name: "svc",
      type: "service",
      service: "ECS",
      validityKind: "one_day",
      policyIds: [await f.id("policy", "ECS FullAccess")],
      scopeKind: "all",
    }),
    refusal: "allows ecs:instances:list, which you do not hold",
  },
  "control: creating an agency that lends OBS ReadOnlyAccess, which the creator holds": {
    as: "creator",
    action: "createAgencyAction",
    fields: async (f) => ({
      name: "obs-reader",
      type: "account",
      delegatedAccount: "umbrella",
      validityKind: "one_day",
      policyIds: [await f.id("policy", "OBS ReadOnlyAccess")],
      scopeKind: "all",
    }),
    refusal: null,
  },
  "adding Security Administrator to an agency": {
    as: "lender",
    action: "addAgencyPermissionsAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "globex-ops"), policyIds: [await f.id("policy", "Security Administrator")], scopeKind: "all" }),
    refusal: "Only the root user or a Security Administrator can hand on IAM management",
  },
  "reviving the expired agency old-audit for ever": {
    as: "lender",
    action: "updateAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "old-audit"), validityKind: "unlimited", description: "" }),
    refusal: "allows obs:buckets:list, which you do not hold",
  },
  "control: shortening globex-ops to one day": {
    as: "lender",
    action: "updateAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "globex-ops"), validityKind: "one_day", description: "" }),
    refusal: null,
  },
  "setting another user's password without being a Security Administrator": {
    as: "resetter",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: "Only the root user or a Security Administrator can set another user's password",
  },
  "a Security Administrator setting the password of a user who holds more": {
    as: "secadmin",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "alice"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: "allows ecs:instances:list, which you do not hold",
  },
  "control: a Security Administrator resets bob's password": {
    as: "secadmin",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: null,
  },
  "a switched role registering its own account as a delegated administrator": {
    as: "rdRole",
    action: "registerDelegatedAdminAction",
    fields: async (f) => ({ service: "cloudfw", accountId: await f.id("account", "globex") }),
    refusal: "A switched role cannot register its own account (globex) as a delegated administrator",
  },
  "control: the same role registers initech": {
    as: "rdRole",
    action: "registerDelegatedAdminAction",
    fields: async (f) => ({ service: "cloudfw", accountId: await f.id("account", "initech") }),
    refusal: null,
  },
  "a switched role holding all of IAM creating a user with a password": {
    as: "iamRole",
    action: "createUserAction",
    fields: async () => ({ name: "foothold", password: "Str0ng-pass", confirmPassword: "Str0ng-pass" }),
    refusal: "A switched role cannot set passwords in acme",
  },
  "a switched role holding all of IAM resetting a user's password": {
    as: "iamRole",
    action: "resetPasswordAction",
    fields: async (f) => ({ userId: await f.id("user", "bob"), password: "N3w-passw0rd", confirmPassword: "N3w-passw0rd" }),
    refusal: "A switched role cannot set passwords in acme",
  },
  "control: the same role creates a user group": {
    as: "iamRole",
    action: "createGroupAction",
    fields: async () => ({ name: "made-by-role" }),
    refusal: null,
  },
  "a switched role adding Security Administrator to its own agency": {
    as: "role",
    action: "addAgencyPermissionsAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "agency-admins"), policyIds: [await f.id("policy", "Security Administrator")], scopeKind: "all" }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role creating an agency trusting its own account": {
    as: "role",
    action: "createAgencyAction",
    fields: async (f) => ({
      name: "backdoor",
      type: "account",
      delegatedAccount: "globex",
      validityKind: "unlimited",
      policyIds: [await f.id("policy", "Tenant Administrator"), await f.id("policy", "Security Administrator")],
      scopeKind: "all",
    }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role making the expired agency unlimited": {
    as: "role",
    action: "updateAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "old-audit"), validityKind: "unlimited", description: "" }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role deleting its own agency": {
    as: "role",
    action: "deleteAgencyAction",
    fields: async (f) => ({ agencyId: await f.id("agency", "agency-admins") }),
    refusal: "A switched role cannot manage agencies",
  },
  "a switched role ending another principal's session": {
    as: "role",
    action: "endRoleSessionAction",
    fields: async (f) => {
      const globex = await callerFor(f.db, "globex");
      const { roleSessionId } = await assumeRole(f.db, globex, { accountName: "acme", agencyName: "globex-ops" }, "victim-login");
      return { agencyId: await f.id("agency", "globex-ops"), roleSessionId };
    },
    refusal: "A switched role cannot manage agencies or role sessions",
  },
  "a switched role holding all of IAM widening a policy attached to another agency": {
    as: "iamRole",
    action: "updatePolicyAction",
    fields: async (f) => ({ policyId: await f.id("policy", "lent-elsewhere"), name: "lent-elsewhere", document: allow("iam:*") }),
    refusal: "A switched role cannot change the permissions of agencies of acme",
  },
  "a switched role editing a policy attached to its own agency": {
    as: "role",
    action: "updatePolicyAction",
    fields: async (f) => ({
      policyId: await f.id("policy", "agency-admin"),
      name: "agency-admin",
      document: allow("iam:agencies:*", "iam:policies:update", "ecs:*:*"),
    }),
    refusal: "A switched role cannot change the agency it acts through",
  },
};
