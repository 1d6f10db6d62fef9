import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { InlineAction } from "@/components/inline-action";
import { Alert } from "@/components/ui/alert";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { REMOVE_DELEGATED_ADMIN_WARNING } from "@/lib/rd/catalogue";
import { getTrustedService } from "@/lib/rd/delegated-admins";
import { deregisterDelegatedAdminAction, setTrustedAccessAction } from "../../actions";
import { AddDelegatedAdmin } from "./add-delegated-admin";
import { utcMinute } from "@/lib/format";

export const metadata: Metadata = { title: "Trusted Service" };

export default async function TrustedServicePage({ params }: { params: Promise<{ service: string }> }) {
  const { service: principal } = await params;
  const result = await load((db, caller) => getTrustedService(db, caller, principal));
  const breadcrumb = (
    <Breadcrumb parent="Trusted Services" href="/resource-directory/trusted-services" current={result.ok ? result.data.service.name : principal} />
  );
  if (!result.ok) {
    return (
      <>
        {breadcrumb}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { service, trustedAccess, admins, candidates } = result.data;
  const supported = service.maxDelegatedAdmins !== null;
  return (
    <>
      {breadcrumb}
      <PageHeader title={service.name} description={service.description} />
      <div className="max-w-4xl space-y-4">
        <Panel title="Trusted Access">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              Status: <strong>{trustedAccess ? "Enabled" : "Disabled"}</strong> (service principal <code>{service.principal}</code>)
            </span>
            {trustedAccess ? (
              <ConfirmAction
                action={setTrustedAccessAction}
                fields={{ service: service.principal, enabled: "no" }}
                trigger="Disable"
                triggerLabel="Disable trusted access"
                triggerVariant="secondary"
                title="Disable Trusted Access"
                message={`Disable trusted access for ${service.name}? It can no longer act across the accounts of this resource directory.`}
                confirmLabel="Disable"
              />
            ) : (
              <InlineAction
                action={setTrustedAccessAction}
                fields={{ service: service.principal, enabled: "yes" }}
                label="Enable"
                accessibleLabel="Enable trusted access"
                variant="secondary"
              />
            )}
          </div>
        </Panel>
        <section aria-labelledby="delegated-admins" className="space-y-3 rounded border border-slate-200 bg-white p-4">
          <div className="flex items-center justify-between">
            <h2 id="delegated-admins" className="text-base font-semibold">
              Delegated Administrator Accounts
            </h2>
            {supported && (
              <AddDelegatedAdmin
                service={service.principal}
                serviceName={service.name}
                candidates={candidates}
                used={admins.length}
                max={service.maxDelegatedAdmins!}
                trustedAccess={trustedAccess}
              />
            )}
          </div>
          {!supported ? (
            <Alert tone="info">{service.name} does not support delegated administrator accounts.</Alert>
          ) : (
            <>
              <p className="text-sm text-slate-600">
                {admins.length} of at most {service.maxDelegatedAdmins} delegated administrator account{service.maxDelegatedAdmins === 1 ? "" : "s"}.
              </p>
              <Table label="Delegated administrator accounts">
                <thead>
                  <tr>
                    <Th>Account name</Th>
                    <Th>Account ID</Th>
                    <Th>Folder</Th>
                    <Th>Registered</Th>
                    <OperationTh />
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {admins.length === 0 && <EmptyRow columns={5}>No delegated administrator accounts.</EmptyRow>}
                  {admins.map((admin) => (
                    <tr key={admin.accountId}>
                      <Td className="font-medium">{admin.name}</Td>
                      <Td className="font-mono text-xs">{admin.accountId}</Td>
                      <Td>{admin.folder}</Td>
                      <Td>{utcMinute(admin.registeredAt)}</Td>
                      <OperationTd>
                        <ConfirmAction
                          action={deregisterDelegatedAdminAction}
                          fields={{ service: service.principal, accountId: admin.accountId }}
                          trigger="Remove"
                          triggerLabel={`Remove ${admin.name}`}
                          title="Warning"
                          message={`Remove ${admin.name} as a delegated administrator account of ${service.name}? ${REMOVE_DELEGATED_ADMIN_WARNING}`}
                          confirmLabel="Continue"
                        />
                      </OperationTd>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </section>
      </div>
    </>
  );
}
