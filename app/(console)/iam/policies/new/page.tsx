import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { requireCaller } from "@/app/_lib/session";
import { createPolicyAction } from "../actions";
import { PolicyForm } from "../policy-form";

export const metadata: Metadata = { title: "Create Custom Policy" };

export default async function NewPolicyPage() {
  await requireCaller();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/iam/policies" className="text-blue-700 hover:underline">
          Policies
        </Link>{" "}
        / Create Custom Policy
      </p>
      <PageHeader title="Create Custom Policy" />
      <div className="max-w-3xl">
        <Panel>
          <PolicyForm action={createPolicyAction} submitLabel="Create Policy" />
        </Panel>
      </div>
    </>
  );
}
