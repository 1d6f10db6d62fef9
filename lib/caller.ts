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
}

export function principalLabel(caller: Caller): string {
  return caller.userName === null ? `${caller.principalAccountName} (root)` : `${caller.principalAccountName}/${caller.userName}`;
}

export function isRoot(caller: Caller): boolean {
  return caller.userId === null && caller.accountId === caller.principalAccountId;
}
