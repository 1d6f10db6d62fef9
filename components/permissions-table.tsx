import { ConfirmAction } from "@/components/confirm-action";
import { describeScope } from "@/components/scope-label";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import type { FormAction } from "@/components/use-action-form";
import { SECURITY_ADMINISTRATOR } from "@/lib/authz/system-policies";
import type { ScopeKind } from "@/lib/scope";

interface Permission {
  id: string;
  policyName: string;
  scopeKind: ScopeKind;
  scopeValues: string[];
}

/** Policies or roles with their scopes, each with Remove: a user group's grants or an agency's permissions. */
export function PermissionsTable({
  permissions,
  projectNames,
  remove,
  removeFields,
  holder,
}: {
  permissions: Permission[];
  projectNames: Map<string, string>;
  /** Absent when the caller may not remove permissions here. */
  remove?: FormAction | undefined;
  removeFields: (permission: Permission) => Record<string, string>;
  /** Whose permissions these are, as the confirmation names it: "agency globex-ops", "user group admins". */
  holder: string;
}) {
  return (
    <Table label="Permissions">
      <thead>
        <tr>
          <Th>Policy or role</Th>
          <Th>Scope</Th>
          {remove && <OperationTh />}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {permissions.length === 0 && <EmptyRow columns={remove ? 3 : 2}>No permissions granted.</EmptyRow>}
        {permissions.map((p) => (
          <tr key={p.id}>
            <Td className="font-medium">{p.policyName}</Td>
            <Td>{describeScope(p.scopeKind, p.scopeValues, projectNames)}</Td>
            {remove && (
              <OperationTd>
                <ConfirmAction
                  action={remove}
                  fields={removeFields(p)}
                  trigger="Remove"
                  triggerLabel={`Remove ${p.policyName}`}
                  title="Remove Permission"
                  message={`Remove ${p.policyName} (${describeScope(p.scopeKind, p.scopeValues, projectNames)}) from ${holder}?${
                    p.policyName === SECURITY_ADMINISTRATOR
                      ? " It holds all of IAM: whoever uses it loses the management of users, groups, policies and agencies."
                      : " Whoever uses it loses these permissions at once."
                  }`}
                  confirmLabel="Remove"
                />
              </OperationTd>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
