import { InlineAction } from "@/components/inline-action";
import { describeScope } from "@/components/scope-label";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { FormAction } from "@/components/use-action-form";
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
}: {
  permissions: Permission[];
  projectNames: Map<string, string>;
  /** Absent when the caller may not remove permissions here. */
  remove?: FormAction | undefined;
  removeFields: (permission: Permission) => Record<string, string>;
}) {
  return (
    <Table label="Permissions">
      <thead>
        <tr>
          <Th>Policy or role</Th>
          <Th>Scope</Th>
          {remove && <Th>Operation</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {permissions.length === 0 && <EmptyRow columns={remove ? 3 : 2}>No permissions granted.</EmptyRow>}
        {permissions.map((p) => (
          <tr key={p.id}>
            <Td className="font-medium">{p.policyName}</Td>
            <Td>{describeScope(p.scopeKind, p.scopeValues, projectNames)}</Td>
            {remove && (
              <Td>
                <InlineAction action={remove} fields={removeFields(p)} label="Remove" accessibleLabel={`Remove ${p.policyName}`} />
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
