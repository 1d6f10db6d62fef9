"use client";
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
import { utcMinute } from "@/lib/format";

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

const minute = (iso: string) => utcMinute(new Date(iso));

function download(accessKeyId: string, secret: string) {
  const csv = `Access Key Id,Secret Access Key\n${accessKeyId},${secret}\n`;
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: `credentials-${accessKeyId}.csv` });
  link.click();
  URL.revokeObjectURL(url);
}

/** The one moment the secret exists outside the server: copy or download it, then it is gone. */
function NewKey({ accessKeyId, secret, onDone }: { accessKeyId: string; secret: string; onDone: () => void }) {
  return (
    <section aria-label="New access key" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <Alert tone="warning" title="Save the secret access key now">
        This is the only time it is shown. If it is lost, delete the key and create another.
      </Alert>
      <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-4 gap-y-2">
        <dt className="text-slate-600">Access key ID</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code className="break-all">{accessKeyId}</code>
          <CopyButton text={accessKeyId} accessibleLabel="Copy the access key ID" />
        </dd>
        <dt className="text-slate-600">Secret access key</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <code className="break-all">{secret}</code>
          <CopyButton text={secret} accessibleLabel="Copy the secret access key" />
        </dd>
      </dl>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => download(accessKeyId, secret)}>
          Download .csv
        </Button>
        <Button onClick={onDone}>Done</Button>
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
      <form action={create.formAction} aria-label="Create access key" className="flex flex-wrap items-center gap-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {full ? (
          <Button type="submit" disabled>
            Create Access Key
          </Button>
        ) : (
          <SubmitButton>Create Access Key</SubmitButton>
        )}
        <span className="text-sm text-slate-600">
          {keys.length} of {max} used{full ? ": delete one to create another." : ""}
        </span>
      </form>
      {create.state !== null && !create.state.ok && <FormMessage state={create.state} />}
      <Table label={`Access keys of ${owner}`}>
        <thead>
          <tr>
            <Th>Access key ID</Th>
            <Th>Status</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <OperationTh />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.length === 0 && <EmptyRow columns={5}>No access keys.</EmptyRow>}
          {keys.map((key) => (
            <tr key={key.accessKeyId}>
              <Td className="font-mono text-xs">{key.accessKeyId}</Td>
              <Td>
                <StatusBadge tone={key.status === "active" ? "ok" : "neutral"}>{key.status === "active" ? "Active" : "Inactive"}</StatusBadge>
              </Td>
              <Td>{minute(key.createdAt)}</Td>
              <Td>{key.lastUsedAt === null ? "Never" : minute(key.lastUsedAt)}</Td>
              <OperationTd>
                <ConfirmAction
                  action={actions.setStatus}
                  fields={{ ...fields, accessKeyId: key.accessKeyId, status: key.status === "active" ? "inactive" : "active" }}
                  trigger={key.status === "active" ? "Deactivate" : "Activate"}
                  triggerLabel={`${key.status === "active" ? "Deactivate" : "Activate"} ${key.accessKeyId}`}
                  title={key.status === "active" ? "Deactivate Access Key" : "Activate Access Key"}
                  confirmLabel={key.status === "active" ? "Deactivate" : "Activate"}
                  message={
                    key.status === "active"
                      ? `Deactivate ${key.accessKeyId}? Requests signed with it are refused until it is activated again.`
                      : `Activate ${key.accessKeyId}? Requests signed with it are accepted again.`
                  }
                />
                <ConfirmAction
                  action={actions.remove}
                  fields={{ ...fields, accessKeyId: key.accessKeyId }}
                  trigger="Delete"
                  triggerLabel={`Delete ${key.accessKeyId}`}
                  title="Delete Access Key"
                  confirmLabel="Delete"
                  message={`Delete ${key.accessKeyId}? Scripts that use it stop working, and it cannot be restored.`}
                />
              </OperationTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
