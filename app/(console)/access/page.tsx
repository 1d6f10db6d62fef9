import type { Metadata } from "next";
import Link from "next/link";
import { attempt, load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { InlineAction } from "@/components/inline-action";
import { describeScope } from "@/components/scope-label";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { inboundAccess, OVERVIEW_LIMIT, outboundAccess } from "@/lib/access/overview";
import { TriangleAlert } from "lucide-react";
import { ValidityStatus } from "@/components/validity-status";
import { listEnterpriseProjects } from "@/lib/catalogue";
import type { ScopeKind } from "@/lib/scope";
import { switchRoleAction } from "../role-actions";
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "Access Overview" };

type Permission = { policyName: string; scopeKind: ScopeKind; scopeValues: string[] };

function Permissions({ permissions, projectNames }: { permissions: Permission[]; projectNames: Map<string, string> }) {
  return (
    <ul>
      {permissions.map((p) => (
        <li key={p.policyName}>
          {p.policyName} <span className="text-slate-500">({describeScope(p.scopeKind, p.scopeValues, projectNames)})</span>
        </li>
      ))}
    </ul>
  );
}

export default async function AccessPage() {
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
      <PageHeader
        title="Access Overview"
        description="Who can get into this account, and where this account can go, with the findings a least-privilege review should look at first."
      />
      <section aria-labelledby="inbound" className="mb-8 space-y-3">
        <h2 id="inbound" className="text-lg font-semibold">
          Who can access this account
        </h2>
        {!inbound.ok ? (
          <AccessDenied message={inbound.message} />
        ) : (
          <>
            {inbound.data.total > OVERVIEW_LIMIT && (
              <p className="text-sm text-slate-600">
                Showing the {OVERVIEW_LIMIT} newest of {inbound.data.total} agencies; see{" "}
                <Link href="/agencies" className="text-blue-700 underline">
                  Agencies
                </Link>{" "}
                for all.
              </p>
            )}
            <Table label="Agencies of this account">
              <thead>
                <tr>
                  <Th>Agency</Th>
                  <Th>Delegated party</Th>
                  <Th>Permissions and scope</Th>
                  <Th>Validity</Th>
                  <Th>Active sessions</Th>
                  <Th>Findings</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {inbound.data.agencies.length === 0 && (
                  <EmptyRow columns={6}>No agencies: nobody outside this account can act in it through an agency.</EmptyRow>
                )}
                {inbound.data.agencies.map((a) => (
                  <tr key={a.id}>
                    <Td>
                      <Link href={`/agencies/${a.id}`} className="font-medium text-blue-700 hover:underline">
                        {a.name}
                      </Link>
                    </Td>
                    <Td>{a.delegatedParty}</Td>
                    <Td>
                      <Permissions permissions={a.permissions as Permission[]} projectNames={projectNames} />
                    </Td>
                    <Td>
                      <ValidityStatus expiresAt={a.expiresAt} now={now} />
                    </Td>
                    <Td>{a.activeSessions}</Td>
                    <Td>
                      <ul aria-label={`Findings for ${a.name}`} className="space-y-0.5 text-amber-800">
                        {a.findings.map((f) => (
                          <li key={`${f.kind}-${f.message}`} className="flex gap-1.5">
                            <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                            {f.message}
                          </li>
                        ))}
                      </ul>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Table label="Delegated administrator registrations">
              <thead>
                <tr>
                  <Th>Trusted service</Th>
                  <Th>Delegated administrator account</Th>
                  <Th>Management account</Th>
                  <Th>Registered</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {inbound.data.delegatedAdmin.length === 0 && <EmptyRow columns={4}>No delegated administrator registrations involve this account.</EmptyRow>}
                {inbound.data.delegatedAdmin.map((r) => (
                  <tr key={`${r.service}/${r.member}`}>
                    <Td>{r.service}</Td>
                    <Td>{r.member}</Td>
                    <Td>{r.management}</Td>
                    <Td>{utcDate(r.registeredAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </section>
      <section aria-labelledby="outbound" className="space-y-3">
        <h2 id="outbound" className="text-lg font-semibold">
          Where can I go
        </h2>
        {!outbound.ok ? (
          <AccessDenied message={outbound.message} />
        ) : (
          <Table label="Agencies that trust this account">
            <thead>
              <tr>
                <Th>Account</Th>
                <Th>Agency</Th>
                <Th>Permissions and scope</Th>
                <Th>Validity</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {outbound.data.length === 0 && <EmptyRow columns={5}>No agency of another account trusts this account.</EmptyRow>}
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
                        label="Switch Role"
                        accessibleLabel={`Switch role to ${a.agencyName}@${a.accountName}`}
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
