import type { Metadata } from "next";
import { AccessKeys } from "@/components/access-keys";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requireCaller } from "@/app/_lib/session";
import { listOwnAccessKeys, MAX_ACCESS_KEYS, ownerOf } from "@/lib/access-keys/access-keys";
import { ownAccountCaller } from "@/lib/caller";
import { createOwnAccessKeyAction, deleteOwnAccessKeyAction, setOwnAccessKeyStatusAction } from "./actions";

export const metadata: Metadata = { title: "Access Keys" };

const actions = { create: createOwnAccessKeyAction, setStatus: setOwnAccessKeyStatusAction, remove: deleteOwnAccessKeyAction };

/** The signed-in principal's own access keys, for signed API calls (its own even while switched). */
export default async function AccessKeysPage() {
  const caller = await requireCaller();
  const keys = await listOwnAccessKeys(await getDb(), caller);
  const own = ownAccountCaller(caller);
  return (
    <>
      <PageHeader
        title="Access Keys"
        description="An access key (AK/SK) signs API and SDK requests as you. Keep the secret safe: anyone who has it acts with your permissions."
      />
      <AccessKeys
        keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null }))}
        actions={actions}
        max={MAX_ACCESS_KEYS}
        owner={ownerOf(caller).label}
      />
      <div className="mt-4">
        <Panel title="API Credentials">
          <p className="mb-3 text-sm text-slate-600">What the SDKs ask for besides the key (README, section API).</p>
          <DetailsList
            monospace={["Account ID"]}
            items={[
              ["Account name", own.accountName],
              ["Account ID", own.accountId],
              ["Project IDs", "The region IDs, such as cn-north-4"],
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
