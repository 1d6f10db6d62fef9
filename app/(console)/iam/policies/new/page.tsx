import type { Metadata } from "next";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { requirePolicyCreation } from "@/lib/iam/policies";
import { createPolicyAction } from "../actions";
import { PolicyForm } from "../policy-form";

export const metadata: Metadata = { title: "Create Custom Policy" };

export default async function NewPolicyPage() {
  // Refused before the caller writes a document, not after.
  const result = await load(requirePolicyCreation);
  return (
    <>
      <Breadcrumb parent="Policies" href="/iam/policies" current="Create Custom Policy" />
      <PageHeader title="Create Custom Policy" />
      {result.ok ? (
        <div className="max-w-3xl">
          <Panel>
            <PolicyForm action={createPolicyAction} submitLabel="Create Policy" />
          </Panel>
        </div>
      ) : (
        <AccessDenied message={result.message} denied={result.denied} />
      )}
    </>
  );
}
