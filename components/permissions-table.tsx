import { useTranslations } from "next-intl";
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
  const t = useTranslations("agencies");
  const common = useTranslations("common");
  const scopeOf = (p: Permission) => describeScope(p.scopeKind, p.scopeValues, projectNames, t);
  return (
    <Table label={t("labels.permissions")}>
      <thead>
        <tr>
          <Th>{t("permissions.policyOrRole")}</Th>
          <Th>{t("scope.legend")}</Th>
          {remove && <OperationTh />}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {permissions.length === 0 && <EmptyRow columns={remove ? 3 : 2}>{t("permissions.none")}</EmptyRow>}
        {permissions.map((p) => (
          <tr key={p.id}>
            <Td className="font-medium">{p.policyName}</Td>
            <Td>{scopeOf(p)}</Td>
            {remove && (
              <OperationTd>
                <ConfirmAction
                  action={remove}
                  fields={removeFields(p)}
                  trigger={common("remove")}
                  triggerLabel={t("permissions.removeLabel", { policy: p.policyName })}
                  title={t("permissions.removeTitle")}
                  message={t(p.policyName === SECURITY_ADMINISTRATOR ? "permissions.removeAdminMessage" : "permissions.removeMessage", {
                    policy: p.policyName,
                    scope: scopeOf(p),
                    holder,
                  })}
                  confirmLabel={common("remove")}
                />
              </OperationTd>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
