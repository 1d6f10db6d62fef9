"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FormAction } from "@/components/action-state";
import { ConfirmAction } from "@/components/confirm-action";
import { CopyButton } from "@/components/copy-button";
import { FormMessage, SubmitButton } from "@/components/form-parts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { useActionForm } from "@/components/use-action-form";
import { DateTime } from "@/components/date-time";

export interface ListedAccessKey {
  accessKeyId: string;
  status: "active" | "inactive";
  createdAt: string;
  lastUsedAt: string | null;
}

export interface AccessKeyActions {
  create: FormAction;
  setStatus: FormAction;
  remove: FormAction;
}

// The credentials file keeps the column names the SDKs' tools read, in every language.
function download(accessKeyId: string, secret: string) {
  const csv = `Access Key Id,Secret Access Key\n${accessKeyId},${secret}\n`;
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: `credentials-${accessKeyId}.csv` });
  link.click();
  URL.revokeObjectURL(url);
}

/** The one moment the secret exists outside the server: copy or download it, then it is gone. */
function NewKey({ accessKeyId, secret, onDone }: { accessKeyId: string; secret: string; onDone: () => void }) {
  const t = useTranslations("accessKeys.newKey");
  return (
    <section aria-label={t("label")} className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <Alert tone="warning" title={t("saveTitle")}>
        {t("saveText")}
      </Alert>
      <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-4 gap-y-2">
        <dt className="text-slate-600">{t("id")}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code className="break-all">{accessKeyId}</code>
          <CopyButton text={accessKeyId} accessibleLabel={t("copyId")} />
        </dd>
        <dt className="text-slate-600">{t("secret")}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code className="break-all">{secret}</code>
          <CopyButton text={secret} accessibleLabel={t("copySecret")} />
        </dd>
      </dl>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => download(accessKeyId, secret)}>
          {t("download")}
        </Button>
        <Button onClick={onDone}>{t("done")}</Button>
      </div>
    </section>
  );
}

/** A principal's access keys: create (at most `max`), activate or deactivate, delete; `fields` names whose keys they are. */
export function AccessKeys({
  keys,
  actions,
  fields = {},
  max,
  owner,
}: {
  keys: ListedAccessKey[];
  actions: AccessKeyActions;
  fields?: Record<string, string>;
  max: number;
  owner: string;
}) {
  const t = useTranslations("accessKeys");
  const tc = useTranslations("common");
  const create = useActionForm(actions.create);
  // The secret stays on screen until dismissed; a later answer (another key) replaces it.
  const [dismissed, setDismissed] = useState<unknown>(null);
  const revealed = create.state?.ok && create.state !== dismissed ? create.state.revealed : undefined;
  const full = keys.length >= max;
  return (
    <div className="space-y-4">
      {revealed?.accessKeyId && revealed.secret && (
        <NewKey accessKeyId={revealed.accessKeyId} secret={revealed.secret} onDone={() => setDismissed(create.state)} />
      )}
      <form action={create.formAction} aria-label={t("create.formLabel")} className="flex flex-wrap items-center gap-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {full ? (
          <Button type="submit" disabled>
            {t("create.submit")}
          </Button>
        ) : (
          <SubmitButton>{t("create.submit")}</SubmitButton>
        )}
        <span className="text-sm text-slate-600">{t(full ? "create.usageFull" : "create.usage", { used: keys.length, max })}</span>
      </form>
      {create.state !== null && !create.state.ok && <FormMessage state={create.state} />}
      <Table label={t("tableLabel", { owner })}>
        <thead>
          <tr>
            <Th>{t("columns.id")}</Th>
            <Th>{t("columns.status")}</Th>
            <Th>{t("columns.created")}</Th>
            <Th>{t("columns.lastUsed")}</Th>
            <OperationTh />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.length === 0 && <EmptyRow columns={5}>{t("empty")}</EmptyRow>}
          {keys.map((key) => (
            <tr key={key.accessKeyId}>
              <Td className="font-mono text-xs">{key.accessKeyId}</Td>
              <Td>
                <StatusBadge tone={key.status === "active" ? "ok" : "neutral"}>{key.status === "active" ? t("active") : t("inactive")}</StatusBadge>
              </Td>
              <Td>
                <DateTime value={key.createdAt} />
              </Td>
              <Td>{key.lastUsedAt === null ? t("never") : <DateTime value={key.lastUsedAt} />}</Td>
              <OperationTd>
                <ConfirmAction
                  action={actions.setStatus}
                  fields={{ ...fields, accessKeyId: key.accessKeyId, status: key.status === "active" ? "inactive" : "active" }}
                  trigger={key.status === "active" ? t("deactivate") : t("activate")}
                  triggerLabel={t(key.status === "active" ? "deactivateLabel" : "activateLabel", { id: key.accessKeyId })}
                  title={key.status === "active" ? t("deactivateTitle") : t("activateTitle")}
                  confirmLabel={key.status === "active" ? t("deactivate") : t("activate")}
                  message={t(key.status === "active" ? "deactivateMessage" : "activateMessage", { id: key.accessKeyId })}
                />
                <ConfirmAction
                  action={actions.remove}
                  fields={{ ...fields, accessKeyId: key.accessKeyId }}
                  trigger={tc("delete")}
                  triggerLabel={t("deleteLabel", { id: key.accessKeyId })}
                  title={t("deleteTitle")}
                  confirmLabel={tc("delete")}
                  message={t("deleteMessage", { id: key.accessKeyId })}
                />
              </OperationTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
