import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireCaller } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Agencies" };

export default async function AgenciesPage() {
  await requireCaller();
  return (
    <>
      <PageHeader title="Agencies" description="Lend permissions to another account or a cloud service without sharing credentials." />
      <Alert tone="info">Agencies are not available in this version of Mandate yet.</Alert>
    </>
  );
}
