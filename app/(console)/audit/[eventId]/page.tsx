import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getAuditEvent } from "@/lib/audit-trail";

export const metadata: Metadata = { title: "Audit Event" };

export default async function AuditEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  // Event ids are positive whole numbers of at most 15 digits (getAuditEvent's rule); anything else names no event: 404.
  if (!/^[1-9][0-9]{0,14}$/.test(eventId)) notFound();
  const result = await load((db, caller) => getAuditEvent(db, caller, eventId));
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const e = result.data;
  const rows: [string, string][] = [
    ["Event ID", String(e.id)],
    ["Time", e.at.toISOString()],
    ["Actor", e.actor],
    ["Actor account ID", e.actorAccountId ?? "—"],
    ["Actor user ID", e.actorUserId ?? "— (root user)"],
    ["Agency", e.agencyName ? `${e.agencyName} (${e.agencyId})` : "— (own account)"],
    ["Account ID", e.accountId],
    ["Action", e.action],
    ["Target", e.target],
    ["Decision", e.decision === "deny" ? "Denied" : "Allowed"],
  ];
  return (
    <>
      <Breadcrumb parent="Audit Trail" href="/audit" current={`Event ${e.id}`} />
      <PageHeader title={`${e.action} on ${e.target}`} />
      <div className="max-w-3xl space-y-4">
        <Panel title="Event">
          <DetailsList items={rows} />
        </Panel>
        <Panel title="Request details">
          {/* Wrapped rather than scrolled: a long value stays readable without a scrollable region to reach by keyboard. */}
          <pre className="whitespace-pre-wrap break-all rounded bg-slate-50 p-3 text-xs">{JSON.stringify(e.detail, null, 2)}</pre>
        </Panel>
      </div>
    </>
  );
}
