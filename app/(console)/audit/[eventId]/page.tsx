import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { getWords } from "@/app/_lib/i18n/translate";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getAuditEvent } from "@/lib/audit-trail";
import { readPhrase } from "@/lib/i18n/message";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit.event");
  return { title: t("title") };
}

export default async function AuditEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const t = await getTranslations("audit");
  // Event ids are positive whole numbers of at most 15 digits (getAuditEvent's rule); anything else names no event: 404.
  if (!/^[1-9][0-9]{0,14}$/.test(eventId)) notFound();
  const result = await load((db, caller) => getAuditEvent(db, caller, eventId));
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const e = result.data;
  const words = await getWords();
  const rows: [string, ReactNode][] = [
    [t("event.id"), String(e.id)],
    [t("event.time"), <DateTime key="time" value={e.at} precision="second" />],
    [t("event.actor"), e.actor],
    [t("event.actorAccountId"), e.actorAccountId ?? "—"],
    [t("event.actorUserId"), e.actorUserId ?? t("event.rootUser")],
    [t("event.agency"), e.agencyName ? `${e.agencyName} (${e.agencyId})` : t("event.ownAccount")],
    [t("event.accountId"), e.accountId],
    [t("event.action"), `${e.action} (${words(`domain.actions.${e.action}`)})`],
    [t("event.target"), e.target],
    [t("event.decision"), t(e.decision === "deny" ? "decisions.deny" : "decisions.allow")],
  ];
  // A refusal's reason is recorded as a phrase: shown in the reader's language beside the raw record.
  const reason = (e.detail as { reason?: unknown } | null)?.reason;
  if (typeof reason === "string" && readPhrase(reason) !== null) rows.push([t("event.reason"), words(reason)]);
  return (
    <>
      <Breadcrumb parent={t("title")} href="/audit" current={t("event.breadcrumb", { id: String(e.id) })} />
      <PageHeader title={t("event.heading", { action: e.action, target: e.target })} />
      <div className="max-w-3xl space-y-4">
        <Panel title={t("event.panel")}>
          <DetailsList items={rows} />
        </Panel>
        <Panel title={t("event.request")}>
          {/* Wrapped rather than scrolled: a long value stays readable without a scrollable region to reach by keyboard. */}
          <pre className="whitespace-pre-wrap break-all rounded bg-slate-50 p-3 text-xs">{JSON.stringify(e.detail, null, 2)}</pre>
        </Panel>
      </div>
    </>
  );
}
