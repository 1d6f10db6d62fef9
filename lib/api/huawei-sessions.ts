/**
 * Huawei's ways into an agency: `POST /v3/auth/tokens` with the `assume_role` method (a token) and
 * `POST /v3.0/OS-CREDENTIAL/securitytokens` (temporary access keys). Both are Switch Role: a role
 * session the delegating account sees and can end. Also ECS's server list, so that temporary keys
 * have something to act on.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { huaweiTime } from "@/lib/api/huawei-agencies";
import { badRequest, forbidden } from "@/lib/api/huawei-errors";
import { issueRoleCredential } from "@/lib/api/role-credentials";
import { auditDenied } from "@/lib/authz/authorize";
import type { Caller } from "@/lib/caller";
import { listInstances } from "@/lib/resources/ecs";
import { assumeRequest } from "@/lib/roles/role-sessions";
import { isObject, isUuid } from "@/lib/validation";

interface AssumeTarget {
  accountName: string;
  agencyName: string;
  durationSeconds?: number;
}

/** `{"auth":{"identity":{"methods":["assume_role"],"assume_role":{…}}}}`, as the role to switch to. */
async function assumeTargetOf(db: Db, json: unknown): Promise<AssumeTarget> {
  const identity = isObject(json) && isObject(json.auth) && isObject(json.auth.identity) ? json.auth.identity : null;
  if (identity === null) throw badRequest('The body must be {"auth":{"identity":{…}}}.');
  if (!Array.isArray(identity.methods) || identity.methods.length !== 1 || identity.methods[0] !== "assume_role") {
    throw badRequest('identity.methods must be ["assume_role"]: Mandate issues tokens for agencies only.');
  }
  const assume = isObject(identity.assume_role) ? identity.assume_role : null;
  if (assume === null || typeof assume.agency_name !== "string") throw badRequest("identity.assume_role.agency_name is required.");
  let accountName = typeof assume.domain_name === "string" ? assume.domain_name : undefined;
  if (accountName === undefined && typeof assume.domain_id === "string") {
    const [account] = isUuid(assume.domain_id) ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, assume.domain_id)) : [];
    // An unknown account gets the same answer as an agency that does not trust the caller.
    accountName = account?.name ?? assume.domain_id;
  }
  if (accountName === undefined) throw badRequest("identity.assume_role.domain_name or domain_id is required.");
  const duration = assume.duration_seconds;
  if (duration !== undefined && typeof duration !== "number") throw badRequest("duration_seconds must be a number.");
  return { accountName, agencyName: assume.agency_name, ...(duration !== undefined && { durationSeconds: duration }) };
}

/** Credentials of a role cannot start another role session: they would outlive, and out-reach, the role they came from. */
async function refuseChaining(db: Db, caller: Caller, target: AssumeTarget) {
  if (!caller.agency) return;
  const reason = "Credentials of a switched role cannot assume an agency: sign the request with a permanent access key.";
  await auditDenied(db, caller, assumeRequest(caller, target.accountName, target.agencyName), reason);
  throw forbidden(reason);
}

const who = (caller: Caller) => ({ id: caller.userId ?? caller.principalAccountId, name: caller.userName ?? caller.principalAccountName });

export async function createTokenCall(db: Db, caller: Caller, json: unknown) {
  const target = await assumeTargetOf(db, json);
  await refuseChaining(db, caller, target);
  const issued = await issueRoleCredential(db, caller, target, "token");
  const acting = issued.caller;
  const domain = { id: acting.accountId, name: acting.accountName };
  const scope = isObject(json) && isObject(json.auth) && isObject(json.auth.scope) ? json.auth.scope : {};
  const project = isObject(scope.project) ? scope.project : null;
  const projectName = typeof project?.name === "string" ? project.name : typeof project?.id === "string" ? project.id : null;
  return {
    token: issued.token,
    body: {
      token: {
        methods: ["assume_role"],
        issued_at: huaweiTime(new Date()),
        expires_at: huaweiTime(issued.expiresAt),
        ...(projectName === null ? { domain } : { project: { id: projectName, name: projectName, domain } }),
        roles: [],
        user: { id: acting.agency!.id, name: `${acting.accountName}/${acting.agency!.name}`, domain },
        assumed_by: { user: { ...who(caller), domain: { id: caller.principalAccountId, name: caller.principalAccountName } } },
      },
    },
  };
}

export async function createSecurityTokenCall(db: Db, caller: Caller, json: unknown) {
  const target = await assumeTargetOf(db, json);
  await refuseChaining(db, caller, target);
  const issued = await issueRoleCredential(db, caller, target, "keys");
  return {
    credential: {
      access: issued.keys!.access,
      secret: issued.keys!.secret,
      securitytoken: issued.token,
      expires_at: `${issued.expiresAt.toISOString().slice(0, 23)}Z`,
    },
  };
}

/** ECS `ListServersDetails`: the acting account's instances in one region (Huawei's project). */
export async function listServersCall(db: Db, caller: Caller, projectId: string) {
  const servers = (await listInstances(db, caller)).filter((i) => i.regionId === projectId);
  return {
    count: servers.length,
    servers: servers.map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status === "running" ? "ACTIVE" : "SHUTOFF",
      flavor: { id: i.flavor, name: i.flavor },
      created: `${i.createdAt.toISOString().slice(0, 19)}Z`,
      "OS-EXT-AZ:availability_zone": i.regionId,
      enterprise_project_id: i.enterpriseProjectId,
      tenant_id: projectId,
    })),
  };
}
