import type { Metadata } from "next";
import Link from "next/link";
import { attempt, load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { InlineAction } from "@/components/inline-action";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { inboundAccess, OVERVIEW_LIMIT, outboundAccess } from "@/lib/access/overview";
import { TriangleAlert } from "lucide-react";
import { ValidityStatus } from "@/components/validity-status";
import { listEnterpriseProjects } from "@/lib/catalogue";
import type { ScopeKind } from "@/lib/scope";
import { inWords } from "@/messages/words";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { switchRoleAction } from "../role-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access");
  return { title: t("title") };
}

type Permission = { policyName: string; scopeKind: ScopeKind; scopeValues: string[] };

function Permissions({ permissions, projectNames }: { permissions: Permission[]; projectNames: Map<string, string> }) {
  const t = useTranslations("access");
  const describe = (p: Permission) => {
    const scope = t(`scope.${p.scopeKind}`);
    if (p.scopeKind === "regions") return t("scopeWithValues", { scope, values: p.scopeValues.join(", ") });
    if (p.scopeKind === "projects") return t("scopeWithValues", { scope, values: p.scopeValues.map((v) => projectNames.get(v) ?? v).join(", ") });
    return scope;
  };
  return (
    <ul>
      {permissions.map((p) => (
        <li key={p.policyName}>
          {p.policyName} <span className="text-slate-500">{t("scopeInParentheses", { scope: describe(p) })}</span>
        </li>
      ))}
    </ul>
  );
}

export default async function AccessPage() {
  const t = await getTranslations("access");
  const tc = await getTranslations("common");
  const language = await getLocale();
  const result = await load(async (db, caller) => {
    const [inbound, outbound, projects] = await Promise.all([
      attempt(inboundAccess(db, caller)),
      attempt(outboundAccess(db, caller)),
      listEnterpriseProjects(db, caller),
    ]);
    return { inbound, outbound, projects };
  });
  if (!result.ok) return <AccessDenied message={result.message} denied={result.denied} />;
  const { inbound, outbound, projects } = result.data;
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="inbound" className="mb-8 space-y-3">
        <h2 id="inbound" className="text-lg font-semibold">
          {t("inbound.heading")}
        </h2>
        {!inbound.ok ? (
          <AccessDenied message={inbound.message} />
        ) : (
          <>
            {inbound.data.total > OVERVIEW_LIMIT && (
              <p className="text-sm text-slate-600">
                {t.rich("inbound.truncated", {
                  limit: OVERVIEW_LIMIT,
                  total: inbound.data.total,
                  link: (c) => (
                    <Link href="/agencies" className="text-blue-700 underline">
                      {c}
                    </Link>
                  ),
                })}
              </p>
            )}
            <Table label={t("inbound.table")}>
              <thead>
                <tr>
                  <Th>{t("agency")}</Th>
                  <Th>{t("inbound.delegatedParty")}</Th>
                  <Th>{t("permissionsAndScope")}</Th>
                  <Th>{t("validity")}</Th>
                  <Th>{t("inbound.activeSessions")}</Th>
                  <Th>{t("inbound.findings")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {inbound.data.agencies.length === 0 && <EmptyRow columns={6}>{t("inbound.empty")}</EmptyRow>}
                {inbound.data.agencies.map((a) => (
                  <tr key={a.id}>
                    <Td>
                      <Link href={`/agencies/${a.id}`} className="font-medium text-blue-700 hover:underline">
                        {a.name}
                      </Link>
                    </Td>
                    <Td>{inWords(language, a.delegatedParty)}</Td>
                    <Td>
                      <Permissions permissions={a.permissions as Permission[]} projectNames={projectNames} />
                    </Td>
                    <Td>
                      <ValidityStatus expiresAt={a.expiresAt} now={now} />
                    </Td>
                    <Td>{a.activeSessions}</Td>
                    <Td>
                      <ul aria-label={t("inbound.findingsFor", { name: a.name })} className="space-y-0.5 text-amber-800">
                        {a.findings.map((f) => (
                          <li key={`${f.kind}-${f.message}`} className="flex gap-1.5">
                            <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                            {inWords(language, f.message)}
                          </li>
                        ))}
                      </ul>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Table label={t("inbound.registrations")}>
              <thead>
                <tr>
                  <Th>{t("inbound.trustedService")}</Th>
                  <Th>{t("inbound.delegatedAdmin")}</Th>
                  <Th>{t("inbound.managementAccount")}</Th>
                  <Th>{t("inbound.registered")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {inbound.data.delegatedAdmin.length === 0 && <EmptyRow columns={4}>{t("inbound.noRegistrations")}</EmptyRow>}
                {inbound.data.delegatedAdmin.map((r) => (
                  <tr key={`${r.service}/${r.member}`}>
                    <Td>{r.service}</Td>
                    <Td>{r.member}</Td>
                    <Td>{r.management}</Td>
                    <Td>
                      <DateTime value={r.registeredAt} precision="date" />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </section>
      <section aria-labelledby="outbound" className="space-y-3">
        <h2 id="outbound" className="text-lg font-semibold">
          {t("outbound.heading")}
        </h2>
        {!outbound.ok ? (
          <AccessDenied message={outbound.message} />
        ) : (
          <Table label={t("outbound.table")}>
            <thead>
              <tr>
                <Th>{tc("account")}</Th>
                <Th>{t("agency")}</Th>
                <Th>{t("permissionsAndScope")}</Th>
                <Th>{t("validity")}</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {outbound.data.length === 0 && <EmptyRow columns={5}>{t("outbound.empty")}</EmptyRow>}
              {outbound.data.map((a) => (
                <tr key={a.id}>
                  <Td className="font-medium">{a.accountName}</Td>
                  <Td>{a.agencyName}</Td>
                  <Td>
                    <Permissions permissions={a.permissions as Permission[]} projectNames={a.projectNames} />
                  </Td>
                  <Td>
                    <ValidityStatus expiresAt={a.expiresAt} now={now} />
                  </Td>
                  <OperationTd>
                    {a.usable ? (
                      <InlineAction
                        action={switchRoleAction}
                        fields={{ accountName: a.accountName, agencyName: a.agencyName }}
                        label={t("outbound.switchRole")}
                        accessibleLabel={t("outbound.switchRoleTo", { agency: a.agencyName, account: a.accountName })}
                      />
                    ) : (
                      "—"
                    )}
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}
