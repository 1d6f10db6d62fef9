import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { formatDocument, getPolicy } from "@/lib/iam/policies";
import { id } from "@/lib/validation";
import { deletePolicyAction, updatePolicyAction } from "../actions";
import { PolicyForm } from "../policy-form";
import { type DomainWords, policyDescription } from "@/components/catalogue-description";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.policies.detail");
  return { title: t("title") };
}

export default async function PolicyPage({ params }: { params: Promise<{ policyId: string }> }) {
  const { policyId } = await params;
  const t = await getTranslations("iam.policies");
  const tc = await getTranslations("common");
  const domain = (await getTranslations("domain")) as unknown as DomainWords;
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("policy").safeParse(policyId).success) notFound();
  const result = await load((db, caller) => getPolicy(db, caller, policyId));
  const breadcrumb = <Breadcrumb parent={t("title")} href="/iam/policies" current={result.ok ? result.data.name : t("detail.title")} />;
  if (!result.ok) {
    return (
      <>
        {breadcrumb}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const policy = result.data;
  const document = formatDocument(policy.document);
  if (policy.kind !== "custom") {
    return (
      <>
        {breadcrumb}
        <PageHeader title={policy.name} description={policyDescription(domain, policy)} />
        <Panel title={t("detail.content")}>
          <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">{document}</pre>
        </Panel>
      </>
    );
  }
  return (
    <>
      {breadcrumb}
      <PageHeader
        title={policy.name}
        description={t("detail.custom")}
        actions={
          <ConfirmAction
            action={deletePolicyAction}
            fields={{ policyId: policy.id }}
            trigger={t("detail.deleteTrigger")}
            triggerVariant="secondary"
            title={t("detail.deleteTitle")}
            confirmLabel={tc("delete")}
            message={t("detail.deleteMessage", { name: policy.name })}
          />
        }
      />
      <div className="max-w-3xl">
        <Panel>
          <PolicyForm
            action={updatePolicyAction}
            policy={{ id: policy.id, name: policy.name, description: policy.description, document }}
            submitLabel={t("detail.submit")}
          />
        </Panel>
      </div>
    </>
  );
}
