import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { requirePolicyCreation } from "@/lib/iam/policies";
import { createPolicyAction } from "../actions";
import { PolicyForm } from "../policy-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.policies.new");
  return { title: t("title") };
}

export default async function NewPolicyPage() {
  const t = await getTranslations("iam.policies");
  // Refused before the caller writes a document, not after.
  const result = await load(requirePolicyCreation);
  return (
    <>
      <Breadcrumb parent={t("title")} href="/iam/policies" current={t("new.title")} />
      <PageHeader title={t("new.title")} />
      {result.ok ? (
        <div className="max-w-3xl">
          <Panel>
            <PolicyForm action={createPolicyAction} submitLabel={t("new.submit")} />
          </Panel>
        </div>
      ) : (
        <AccessDenied message={result.message} denied={result.denied} />
      )}
    </>
  );
}
