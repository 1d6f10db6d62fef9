import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { requireProviderCreation } from "@/lib/federation/providers";
import { createIdentityProviderAction } from "../actions";
import { ProviderForm } from "../provider-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.providers.new");
  return { title: t("title") };
}

export default async function NewIdentityProviderPage() {
  const t = await getTranslations("iam.providers");
  // Refused before the caller fills the form in, not after.
  const result = await load(requireProviderCreation);
  return (
    <>
      <Breadcrumb parent={t("title")} href="/iam/identity-providers" current={t("new.title")} />
      <PageHeader title={t("new.title")} />
      {result.ok ? (
        <div className="max-w-3xl">
          <Panel>
            <ProviderForm action={createIdentityProviderAction} submitLabel={t("new.submit")} />
          </Panel>
        </div>
      ) : (
        <AccessDenied message={result.message} denied={result.denied} />
      )}
    </>
  );
}
