import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { requireCaller } from "@/app/_lib/session";
import { createPolicyAction } from "../actions";
import { PolicyForm } from "../policy-form";

export const metadata: Metadata = { title: "Create Custom Policy" };

export default async function NewPolicyPage() {
  await requireCaller();
  return (
    <>
      <Breadcrumb parent="Policies" href="/iam/policies" current="Create Custom Policy" />
      <PageHeader title="Create Custom Policy" />
      <div className="max-w-3xl">
        <Panel>
          <PolicyForm action={createPolicyAction} submitLabel="Create Policy" />
        </Panel>
      </div>
    </>
  );
}
