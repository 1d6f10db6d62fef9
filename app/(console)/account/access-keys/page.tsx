import type { Metadata } from "next";
import { AccessKeys } from "@/components/access-keys";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requireCaller } from "@/app/_lib/session";
import { listOwnAccessKeys, MAX_ACCESS_KEYS, ownerOf } from "@/lib/access-keys/access-keys";
import { createOwnAccessKeyAction, deleteOwnAccessKeyAction, setOwnAccessKeyStatusAction } from "./actions";

export const metadata: Metadata = { title: "Access Keys" };

const actions = { create: createOwnAccessKeyAction, setStatus: setOwnAccessKeyStatusAction, remove: deleteOwnAccessKeyAction };

/** The signed-in principal's own access keys, for signed API calls (its own even while switched). */
export default async function AccessKeysPage() {
  const caller = await requireCaller();
  const keys = await listOwnAccessKeys(await getDb(), caller);
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
    </>
  );
}
