import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireCaller } from "@/app/_lib/session";

export const metadata: Metadata = { title: "Resource Directory" };

export default async function ResourceDirectoryPage() {
  await requireCaller();
  return (
    <>
      <PageHeader title="Resource Directory" description="Organize accounts in folders and register delegated administrators of trusted services." />
      <Alert tone="info">The resource directory is not available in this version of Mandate yet.</Alert>
    </>
  );
}
