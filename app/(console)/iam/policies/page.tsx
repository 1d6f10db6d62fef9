import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listPolicies } from "@/lib/iam/policies";

export const metadata: Metadata = { title: "Policies" };

const kindLabels = { system_role: "System-defined role", system_policy: "System-defined policy", custom: "Custom policy" } as const;

export default async function PoliciesPage() {
  const result = await load(listPolicies);
  return (
    <>
      <PageHeader
        title="Policies"
        description="System-defined roles and policies, and the custom policies of this account."
        actions={
          <Link href="/iam/policies/new" className={buttonClass("primary")}>
            Create Custom Policy
          </Link>
        }
      />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <Table label="Policies">
          <thead>
            <tr>
              <Th>Policy name</Th>
              <Th>Type</Th>
              <Th>Description</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.data.map((policy) => (
              <tr key={policy.id}>
                <Td>
                  <Link href={`/iam/policies/${policy.id}`} className="font-medium text-blue-700 hover:underline">
                    {policy.name}
                  </Link>
                </Td>
                <Td>{kindLabels[policy.kind]}</Td>
                <Td>{policy.description || "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
