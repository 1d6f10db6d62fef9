import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccessKeys } from "@/components/access-keys";
import { DetailsList } from "@/components/ui/details-list";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requireCaller } from "@/app/_lib/session";
import { listOwnAccessKeys, MAX_ACCESS_KEYS } from "@/lib/access-keys/access-keys";
import { ownAccountCaller } from "@/lib/caller";
import { createOwnAccessKeyAction, deleteOwnAccessKeyAction, setOwnAccessKeyStatusAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.accessKeys");
  return { title: t("title") };
}

const actions = { create: createOwnAccessKeyAction, setStatus: setOwnAccessKeyStatusAction, remove: deleteOwnAccessKeyAction };

/** The signed-in principal's own access keys, for signed API calls (its own even while switched). */
export default async function AccessKeysPage() {
  const caller = await requireCaller();
  const keys = await listOwnAccessKeys(await getDb(), caller);
  const own = ownAccountCaller(caller);
  const t = await getTranslations("account.accessKeys");
  const tk = await getTranslations("accessKeys");
  // Whose keys these are, as lib's ownerOf names them: the signed-in principal in its own account.
  const owner = own.userName === null ? tk("ownerRoot", { account: own.accountName }) : tk("ownerUser", { name: own.userName });
  const accountId = t("accountId");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccessKeys
        keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null }))}
        actions={actions}
        max={MAX_ACCESS_KEYS}
        owner={owner}
      />
      <div className="mt-4">
        <Panel title={t("credentials")}>
          <p className="mb-3 text-sm text-slate-600">{t("credentialsText")}</p>
          <DetailsList
            monospace={[accountId]}
            items={[
              [t("accountName"), own.accountName],
              [accountId, own.accountId],
              [t("projectIds"), t("projectIdsValue")],
            ]}
          />
        </Panel>
      </div>
    </>
  );
}
