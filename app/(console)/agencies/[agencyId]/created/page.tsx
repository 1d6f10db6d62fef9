import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inWords } from "@/messages/words";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { CopyButton } from "@/components/copy-button";
import { describeScope } from "@/components/scope-label";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { agencyFindings } from "@/lib/access/findings";
import { getAgency } from "@/lib/agencies/agencies";
import { listEnterpriseProjects } from "@/lib/catalogue";
import { id } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agencies");
  return { title: t("created.title") };
}

export default async function AgencyCreatedPage({ params }: { params: Promise<{ agencyId: string }> }) {
  const { agencyId } = await params;
  const t = await getTranslations("agencies");
  const locale = await getLocale();
  // A malformed id names nothing, like an unknown one: answer 404 rather than the domain's validation message.
  if (!id("agency").safeParse(agencyId).success) notFound();
  const result = await load(async (db, caller) => ({ ...(await getAgency(db, caller, agencyId)), projects: await listEnterpriseProjects(db, caller) }));
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const { agency, permissions, projects } = result.data;
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  // The review's warnings, repeated where the agency is handed over.
  const warnings = agencyFindings(agency, permissions, null, new Date());
  const permissionText = permissions.map((p) => t("withScope", { policy: p.policyName, scope: describeScope(p.scopeKind, p.scopeValues, projectNames, t) }));
  const handover = [
    t("created.handoverLine", { label: t("labels.accountName"), value: result.caller.accountName }),
    t("created.handoverLine", { label: t("labels.name"), value: agency.name }),
    t("created.handoverLine", { label: t("labels.id"), value: agency.id }),
    t("created.handoverLine", { label: t("labels.permissions"), value: permissionText.join("; ") }),
  ].join("\n");
  return (
    <>
      <PageHeader title={t("created.title")} />
      <div className="max-w-3xl space-y-4">
        <Alert tone="success" title={t("toast.created", { name: agency.name })}>
          {t("created.body")}
        </Alert>
        {warnings.length > 0 && (
          <Alert tone="warning" title={t("leastPrivilege")}>
            <ul className="list-disc pl-4">
              {warnings.map((w) => (
                <li key={w.kind + w.message}>{inWords(locale, w.message)}</li>
              ))}
            </ul>
          </Alert>
        )}
        <Panel title={t("created.forParty")}>
          <dl aria-label={t("created.handoverLabel")} className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("labels.accountName")}</dt>
            <dd>{result.caller.accountName}</dd>
            <dt className="text-slate-500">{t("labels.name")}</dt>
            <dd>{agency.name}</dd>
            <dt className="text-slate-500">{t("labels.id")}</dt>
            <dd className="font-mono text-xs">{agency.id}</dd>
            <dt className="text-slate-500">{t("labels.permissions")}</dt>
            <dd>
              <ul>
                {permissionText.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </dd>
          </dl>
          <div className="mt-4">
            <CopyButton text={handover} label={t("created.copyDetails")} />
          </div>
        </Panel>
        <div className="flex gap-2">
          <Link href={`/agencies/${agency.id}`} className={buttonClass("secondary")}>
            {t("created.view")}
          </Link>
          <Link href="/agencies" className={buttonClass("primary")}>
            {t("created.back")}
          </Link>
        </div>
      </div>
    </>
  );
}
