/**
 * In place of a control the caller may not use: what it would do, who can help, and the permission
 * it needs as a detail. Decided by the engine on the server; the server refuses the action anyway.
 */
export function NotPermitted({ what, action, account }: { what: string; action: string; account: string }) {
  return (
    <p className="text-sm text-slate-600">
      You cannot {what} in {account}. Ask an administrator of {account} for the permission.
      <span className="mt-1 block text-xs text-slate-500">
        Needs <code>{action}</code>
      </span>
    </p>
  );
}
