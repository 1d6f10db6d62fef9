/**
 * Every action the console authorizes, as one typed list: a misspelled action in a declaration or
 * a guard request fails to compile. Reviewers, the policy simulator and the hand-on check read it.
 */
import { rdActions } from "@/lib/rd/actions";
import { trustedServiceCatalogue } from "@/lib/rd/catalogue";

type Actions<Prefix extends string, Ops extends readonly string[]> = { [K in keyof Ops]: `${Prefix}:${Ops[K] & string}` };
const actionsOf = <const Prefix extends string, const Ops extends readonly string[]>(prefix: Prefix, ops: Ops) =>
  ops.map((op) => `${prefix}:${op}`) as unknown as Actions<Prefix, Ops>;

type TrustedPrincipal = (typeof trustedServiceCatalogue)[number]["principal"];
const multiAccountActions = trustedServiceCatalogue.map((s) => `${s.principal}:multiAccount:list` as const);

export const actionCatalogue = [
  ...actionsOf("iam:users", ["list", "get", "create", "delete", "resetPassword", "revokeSessions"]),
  // Another user's access keys (one's own are self-service, below).
  ...actionsOf("iam:accessKeys", ["list", "create", "update", "delete"]),
  ...actionsOf("iam:groups", ["list", "get", "create", "delete", "addUser", "removeUser"]),
  ...actionsOf("iam:permissions", ["grantRoleToGroup", "revokeRoleFromGroup", "simulate"]),
  ...actionsOf("iam:policies", ["list", "get", "create", "update", "delete"]),
  ...actionsOf("iam:agencies", ["list", "get", "create", "update", "delete", "assume", "revokeSession"]),
  ...actionsOf("iam:identityProviders", ["list", "get", "create", "update", "delete"]),
  ...actionsOf("ecs:instances", ["list", "create", "start", "stop", "delete"]),
  ...actionsOf("obs:buckets", ["list", "create", "delete"]),
  ...actionsOf("cts:traces", ["list", "get", "export"]),
  ...Object.values(rdActions),
  ...multiAccountActions,
] as const;

/**
 * What a principal does to itself (its own password and sign-ins): no policy can grant or deny it,
 * so it is decided by who is asking, and audited like any other change.
 */
export const selfServiceActions = [
  ...actionsOf("iam:sessions", ["signIn", "signOut", "signOutOthers", "signOutOne"]),
  "iam:users:changePassword",
  "iam:users:setLanguage",
  ...actionsOf("iam:accessKeys", ["createOwn", "updateOwn", "deleteOwn"]),
  // A principal's own shortcuts and reading marker: they grant nothing, so nothing decides them but who asks.
  "iam:notifications:markRead",
  ...actionsOf("iam:favouriteRoles", ["pin", "unpin"]),
  // Leaving a role is always possible: no policy of the delegating account can keep a principal in it.
  "iam:agencies:switchBack",
] as const;

export type PolicyAction = (typeof actionCatalogue)[number] | `${TrustedPrincipal}:multiAccount:list`;
export type SelfServiceAction = (typeof selfServiceActions)[number];
export type ActionName = PolicyAction | SelfServiceAction;

export const isSelfServiceAction = (action: string): action is SelfServiceAction => (selfServiceActions as readonly string[]).includes(action);

/** The action of a trusted service's multi-account module; a service outside the catalogue has none. */
export function multiAccountAction(principal: string): PolicyAction {
  const action = `${principal}:multiAccount:list`;
  if (!(actionCatalogue as readonly string[]).includes(action)) throw new Error(`${principal} is not a trusted service of the catalogue.`);
  return action as PolicyAction;
}
