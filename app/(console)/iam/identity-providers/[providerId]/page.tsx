import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getWords } from "@/app/_lib/i18n/translate";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { CopyButton } from "@/components/copy-button";
import { DateTime } from "@/components/date-time";
import { InlineAction } from "@/components/inline-action";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { federationCallbackUrl } from "@/app/_lib/federation";
import { getIdentityProvider } from "@/lib/federation/providers";
import { id } from "@/lib/validation";
import { deleteIdentityProviderAction, setIdentityProviderEnabledAction, updateIdentityProviderAction } from "../actions";
import { EndUserSessions } from "../../users/end-user-sessions";
import { ProviderForm } from "../provider-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.providers.detail");
  return { title: t("title") };
}

export default async function IdentityProviderPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  // A malformed id names nothing, like an unknown one.
  if (!id("identityProvider").safeParse(providerId).success) notFound();
  const t = await getTranslations("iam.providers");
  const result = await load((db, caller) => getIdentityProvider(db, caller, providerId));
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const { provider, federatedUsers } = result.data;
  // lib words its flags as phrases: said here in the reader's language.
  const say = await getWords();
  const flags = result.data.flags.map(say);
  const callback = federationCallbackUrl(await headers());
  return (
    <>
      <Breadcrumb parent={t("title")} href="/iam/identity-providers" current={provider.name} />
      <PageHeader
        title={provider.name}
        description={provider.description || undefined}
        actions={
          <div className="flex gap-2">
            {provider.enabled ? (
              <ConfirmAction
                action={setIdentityProviderEnabledAction}
                fields={{ providerId: provider.id, enabled: "no" }}
                trigger={t("detail.disable")}
                triggerVariant="secondary"
                title={t("detail.disableTitle")}
                confirmLabel={t("detail.disable")}
                message={t("detail.disableMessage", { name: provider.name })}
              />
            ) : (
              <InlineAction
                action={setIdentityProviderEnabledAction}
                fields={{ providerId: provider.id, enabled: "yes" }}
                label={t("detail.enable")}
                variant="secondary"
              />
            )}
            <ConfirmAction
              action={deleteIdentityProviderAction}
              fields={{ providerId: provider.id }}
              trigger={t("detail.deleteTrigger")}
              triggerVariant="secondary"
              title={t("detail.deleteTitle")}
              confirmLabel={t("detail.deleteTrigger")}
              message={t("detail.deleteMessage", { name: provider.name, count: federatedUsers.length })}
            />
          </div>
        }
      />
      <div className="max-w-3xl space-y-4">
        {flags.length > 0 && (
          <section aria-labelledby="rule-flags" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <h2 id="rule-flags" className="font-medium">
              {t("detail.flags")}
            </h2>
            <ul className="mt-1 list-disc pl-5">
              {flags.map((flag) => (
                <li key={flag}>{flag}</li>
              ))}
            </ul>
          </section>
        )}
        <Panel title={t("detail.basics")}>
          <DetailsList
            monospace={[t("columns.issuer"), t("form.clientId"), t("detail.redirect")]}
            items={[
              [t("columns.status"), t(provider.enabled ? "status.enabled" : "status.disabled")],
              [t("columns.issuer"), provider.issuer],
              [t("form.clientId"), provider.clientId],
              [t("form.scopes"), provider.scopes],
              [
                t("detail.redirect"),
                <span key="redirect" className="flex items-center gap-2">
                  {callback}
                  <CopyButton text={callback} />
                </span>,
              ],
              [t("detail.updated"), <DateTime key="updated" value={provider.updatedAt} />],
            ]}
          />
        </Panel>
        <Panel title={t("detail.federatedUsers")}>
          <Table label={t("detail.federatedUsersLabel", { name: provider.name })}>
            <thead>
              <tr>
                <Th>{t("columns.name")}</Th>
                <Th>{t("detail.subject")}</Th>
                <Th>{t("columns.lastSignIn")}</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {federatedUsers.length === 0 && <EmptyRow columns={4}>{t("detail.noUsers")}</EmptyRow>}
              {federatedUsers.map((user) => (
                <tr key={user.id}>
                  <Td>{user.name}</Td>
                  <Td className="font-mono text-xs">{user.subject}</Td>
                  <Td>{user.lastSignInAt === null ? t("never") : <DateTime value={user.lastSignInAt} />}</Td>
                  <OperationTd>
                    <EndUserSessions userId={user.id} userName={user.name} />
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
        </Panel>
        <Panel title={t("detail.edit")}>
          <ProviderForm action={updateIdentityProviderAction} provider={provider} submitLabel={t("detail.save")} />
        </Panel>
      </div>
    </>
  );
}
