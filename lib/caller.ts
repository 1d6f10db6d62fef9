import type { Grant } from "@/lib/authz/engine";
import { phrase, term } from "@/lib/i18n/message";
/**
 * Who is making a request. `accountId` is the account being acted in; the principal fields say
 * who signed in. They differ only while a role is switched into another account through an agency.
 */
export interface Caller {
  accountId: string;
  accountName: string;
  principalAccountId: string;
  principalAccountName: string;
  /** null for the account's root user. */
  userId: string | null;
  userName: string | null;
  /** Set while a role is switched: the agency of `accountId` the principal acts through. */
  agency?: ActingAgency | null;
  /** Set for a federated user: the identity provider it signed in through, and who it is there. */
  federated?: { providerId: string; provider: string; subject: string };
  /** Set when the request came through the API, signed with this access key (recorded with every event). */
  via?: { api: string; accessKeyId: string } | { api: string; token: string };
  /** Set for the length of one web request, so that its grants are loaded once (lib/authz/authorize.ts). */
  requestMemo?: { grants?: Promise<Grant[]> | undefined };
}

export interface ActingAgency {
  id: string;
  name: string;
  roleSessionId: string;
  expiresAt: Date | null;
}

/** A user's name as shown: a federated user's says its provider, since it may share an IAM user's name. */
export const userLabel = (name: string, provider: string | null | undefined): string => (provider ? `${name} (federated via ${provider})` : name);

/** A user's name as policies see it (`g:UserName`, user URNs): a federated user's is `<provider>/<name>`, never an IAM user's. */
export const userNameKey = (name: string, provider: string | null | undefined): string => (provider ? `${provider}/${name}` : name);

export function principalLabel(caller: Caller): string {
  if (caller.userName === null) return `${caller.principalAccountName} (root)`;
  return `${caller.principalAccountName}/${userLabel(caller.userName, caller.federated?.provider)}`;
}

/** The same principal acting in its own account. */
export function ownAccountCaller(caller: Caller): Caller {
  return {
    accountId: caller.principalAccountId,
    accountName: caller.principalAccountName,
    principalAccountId: caller.principalAccountId,
    principalAccountName: caller.principalAccountName,
    userId: caller.userId,
    userName: caller.userName,
    agency: null,
    ...(caller.federated !== undefined && { federated: caller.federated }),
    // Still the same request: its events say the API key it came with.
    ...(caller.via !== undefined && { via: caller.via }),
  };
}

export function isRoot(caller: Caller): boolean {
  return caller.userId === null && caller.accountId === caller.principalAccountId;
}

/** Who is acting, as a phrase: "IAM user alice", "Root user", or "gina (globex) as globex-ops@acme" while switched. */
export function actingLabel(caller: Caller): string {
  if (!caller.agency) return caller.userName === null ? phrase("domain.acting.root") : phrase("domain.acting.user", { user: caller.userName });
  const who =
    caller.userName === null
      ? term("domain.acting.principalRoot", { account: caller.principalAccountName })
      : `${caller.userName} (${caller.principalAccountName})`;
  return phrase("domain.acting.switched", { who, role: `${caller.agency.name}@${caller.accountName}` });
}
