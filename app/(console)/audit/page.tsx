import type { Metadata } from "next";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listRecentEvents } from "@/lib/audit-trail";

export const metadata: Metadata = { title: "Audit Trail" };

export default async function AuditPage() {
  const result = await load((db, caller) => listRecentEvents(db, caller));
  return (
    <>
      <PageHeader title="Audit Trail" description="The newest 100 changes and denied attempts in this account." />
      {!result.ok ? (
        <AccessDenied message={result.message} />
      ) : (
        <Table label="Audit events">
          <thead>
            <tr>
              <Th>Time (UTC)</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Decision</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.data.length === 0 && <EmptyRow columns={5}>No events yet.</EmptyRow>}
            {result.data.map((event) => (
              <tr key={event.id}>
                <Td className="whitespace-nowrap">{event.at.toISOString().replace("T", " ").slice(0, 19)}</Td>
                <Td>{event.actor}</Td>
                <Td className="font-mono text-xs">{event.action}</Td>
                <Td>{event.target}</Td>
                <Td className={event.decision === "deny" ? "font-medium text-red-700" : "text-green-700"}>
                  {event.decision === "deny" ? "Denied" : "Allowed"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
