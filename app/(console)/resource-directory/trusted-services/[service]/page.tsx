import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { InlineAction } from "@/components/inline-action";
import { Alert } from "@/components/ui/alert";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { getTrustedService } from "@/lib/rd/delegated-admins";
import { deregisterDelegatedAdminAction, setTrustedAccessAction } from "../../actions";
import { getTranslations } from "next-intl/server";
import { type DomainWords, serviceDescription } from "@/components/catalogue-description";
import { DateTime } from "@/components/date-time";
import { AddDelegatedAdmin } from "./add-delegated-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rd");
  return { title: t("service.title") };
}

export default async function TrustedServicePage({ params }: { params: Promise<{ service: string }> }) {
  const { service: principal } = await params;
  const t = await getTranslations("rd");
  const tc = await getTranslations("common");
  const domain = (await getTranslations("domain")) as unknown as DomainWords;
  const result = await load((db, caller) => getTrustedService(db, caller, principal));
  const breadcrumb = (
    <Breadcrumb parent={t("trustedServices")} href="/resource-directory/trusted-services" current={result.ok ? result.data.service.name : principal} />
  );
  if (!result.ok) {
    return (
      <>
        {breadcrumb}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { service, trustedAccess, admins } = result.data;
  const supported = service.maxDelegatedAdmins !== null;
  return (
    <>
      {breadcrumb}
      <PageHeader title={service.name} description={serviceDescription(domain, service)} />
      <div className="max-w-4xl space-y-4">
        <Panel title={t("service.trustedAccess")}>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              {t.rich("service.status", {
                status: trustedAccess ? t("enabled") : t("disabled"),
                principal: service.principal,
                strong: (c) => <strong>{c}</strong>,
                code: (c) => <code>{c}</code>,
              })}
            </span>
            {trustedAccess ? (
              <ConfirmAction
                action={setTrustedAccessAction}
                fields={{ service: service.principal, enabled: "no" }}
                trigger={t("service.disable")}
                triggerLabel={t("service.disableLabel")}
                triggerVariant="secondary"
                title={t("service.disableTitle")}
                message={t("service.disableMessage", { name: service.name })}
                confirmLabel={t("service.disable")}
              />
            ) : (
              <InlineAction
                action={setTrustedAccessAction}
                fields={{ service: service.principal, enabled: "yes" }}
                label={t("service.enable")}
                accessibleLabel={t("service.enableLabel")}
                variant="secondary"
              />
            )}
          </div>
        </Panel>
        <section aria-labelledby="delegated-admins" className="space-y-3 rounded border border-slate-200 bg-white p-4">
          <div className="flex items-center justify-between">
            <h2 id="delegated-admins" className="text-base font-semibold">
              {t("service.delegatedAdmins")}
            </h2>
            {supported && (
              <AddDelegatedAdmin
                service={service.principal}
                serviceName={service.name}
                used={admins.length}
                max={service.maxDelegatedAdmins!}
                trustedAccess={trustedAccess}
              />
            )}
          </div>
          {!supported ? (
            <Alert tone="info">{t("service.notSupported", { name: service.name })}</Alert>
          ) : (
            <>
              <p className="text-sm text-slate-600">{t("service.count", { count: admins.length, max: service.maxDelegatedAdmins! })}</p>
              <Table label={t("service.table")}>
                <thead>
                  <tr>
                    <Th>{t("accountName")}</Th>
                    <Th>{t("accountId")}</Th>
                    <Th>{t("folder")}</Th>
                    <Th>{t("service.registered")}</Th>
                    <OperationTh />
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {admins.length === 0 && <EmptyRow columns={5}>{t("service.empty")}</EmptyRow>}
                  {admins.map((admin) => (
                    <tr key={admin.accountId}>
                      <Td className="font-medium">{admin.name}</Td>
                      <Td className="font-mono text-xs">{admin.accountId}</Td>
                      <Td>{admin.folder}</Td>
                      <Td>
                        <DateTime value={admin.registeredAt} />
                      </Td>
                      <OperationTd>
                        <ConfirmAction
                          action={deregisterDelegatedAdminAction}
                          fields={{ service: service.principal, accountId: admin.accountId }}
                          trigger={tc("remove")}
                          triggerLabel={t("service.removeLabel", { name: admin.name })}
                          title={t("service.warning")}
                          message={t("service.removeMessage", { name: admin.name, service: service.name })}
                          confirmLabel={tc("continue")}
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
