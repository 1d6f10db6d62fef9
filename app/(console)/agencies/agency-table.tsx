"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { CopyButton } from "@/components/copy-button";
import { DateTime } from "@/components/date-time";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { ValidityStatus } from "@/components/validity-status";
import { deleteAgenciesAction, deleteAgencyAction } from "./actions";

export interface AgencyRow {
  id: string;
  name: string;
  type: "account" | "service";
  party: string;
  expiresAt: Date | null;
  description: string;
  createdAt: Date;
  mayDelete: boolean;
  mayUpdate: boolean;
}

/** Column headers that order the list: the server gives each its link and the current order. */
export interface SortLink {
  label: string;
  href: string;
  sorted: "ascending" | "descending" | null;
}

/** The agency list as Huawei IAM shows it: ID with copy, Modify and Delete per row, and a batch delete of the ticked rows. */
export function AgencyTable({ rows, sortLinks, empty }: { rows: AgencyRow[]; sortLinks: Record<"name" | "expiry" | "created", SortLink>; empty: string }) {
  const t = useTranslations("agencies");
  const common = useTranslations("common");
  const [selected, setSelected] = useState<string[]>([]);
  const now = new Date();
  const deletable = rows.filter((r) => r.mayDelete);
  const chosen = rows.filter((r) => selected.includes(r.id));
  const header = (key: keyof typeof sortLinks) => (
    <Th aria-sort={sortLinks[key].sorted ?? undefined}>
      <Link href={sortLinks[key].href} className="hover:underline">
        {sortLinks[key].label}
        {sortLinks[key].sorted === "ascending" ? " ▲" : sortLinks[key].sorted === "descending" ? " ▼" : ""}
      </Link>
    </Th>
  );
  return (
    <div className="space-y-2">
      {deletable.length > 0 && (
        <div className="flex items-center gap-3 text-sm">
          <ConfirmAction
            action={deleteAgenciesAction}
            fields={{ agencyIds: chosen.map((r) => r.id) }}
            trigger={t("table.deleteSelected", { count: chosen.length })}
            triggerVariant="secondary"
            triggerDisabled={chosen.length === 0}
            title={t("table.deleteManyTitle")}
            confirmLabel={common("delete")}
            message={t("table.deleteManyMessage", { names: chosen.map((r) => r.name).join(", ") })}
          />
        </div>
      )}
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>
              <span className="sr-only">{t("table.select")}</span>
            </Th>
            {header("name")}
            <Th>{t("labels.id")}</Th>
            <Th>{t("labels.type")}</Th>
            <Th>{t("labels.party")}</Th>
            {header("expiry")}
            <Th>{common("description_label")}</Th>
            {header("created")}
            {/* Kept in view on a narrow screen while the other columns scroll under it. */}
            <OperationTh />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && <EmptyRow columns={9}>{empty}</EmptyRow>}
          {rows.map((agency) => (
            <tr key={agency.id}>
              <Td>
                <input
                  type="checkbox"
                  aria-label={t("table.selectOne", { name: agency.name })}
                  disabled={!agency.mayDelete}
                  checked={selected.includes(agency.id)}
                  onChange={(e) => setSelected(e.target.checked ? [...selected, agency.id] : selected.filter((s) => s !== agency.id))}
                />
              </Td>
              <Td>
                <Link href={`/agencies/${agency.id}`} className="font-medium text-blue-700 hover:underline">
                  {agency.name}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">
                <span className="font-mono text-xs">{agency.id.slice(0, 8)}…</span>{" "}
                <CopyButton text={agency.id} accessibleLabel={t("table.copyId", { name: agency.name })} />
              </Td>
              <Td>{t(`type.${agency.type}`)}</Td>
              <Td>{agency.party}</Td>
              <Td>
                <ValidityStatus expiresAt={agency.expiresAt} now={now} />
              </Td>
              <Td className="max-w-xs truncate">{agency.description || "—"}</Td>
              <Td className="whitespace-nowrap">
                <DateTime value={agency.createdAt} precision="date" />
              </Td>
              <OperationTd>
                {agency.mayUpdate && (
                  <Link
                    href={`/agencies/${agency.id}?modify=1`}
                    className="text-blue-700 hover:underline"
                    aria-label={t("table.modifyLabel", { name: agency.name })}
                  >
                    {t("table.modify")}
                  </Link>
                )}
                {agency.mayDelete && (
                  <ConfirmAction
                    action={deleteAgencyAction}
                    fields={{ agencyId: agency.id }}
                    trigger={common("delete")}
                    triggerLabel={t("table.deleteLabel", { name: agency.name })}
                    title={t("table.deleteTitle")}
                    confirmLabel={common("delete")}
                    message={t("table.deleteMessage", { name: agency.name })}
                  />
                )}
              </OperationTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
