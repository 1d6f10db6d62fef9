import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { AccessKeys } from "@/components/access-keys";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { listUserAccessKeys, MAX_ACCESS_KEYS } from "@/lib/access-keys/access-keys";
import { id } from "@/lib/validation";
import { createUserAccessKeyAction, deleteUserAccessKeyAction, setUserAccessKeyStatusAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.users.keys");
  return { title: t("metaTitle") };
}

const actions = { create: createUserAccessKeyAction, setStatus: setUserAccessKeyStatusAction, remove: deleteUserAccessKeyAction };

/** A user's access keys, as root or a Security Administrator manages them. */
export default async function UserAccessKeysPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const t = await getTranslations("iam.users");
  const tk = await getTranslations("accessKeys");
  if (!id("user").safeParse(userId).success) notFound();
  const result = await load((db, caller) => listUserAccessKeys(db, caller, userId));
  if (!result.ok) {
    return (
      <>
        <PageHeader title={t("keys.title")} />
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { user, keys } = result.data;
  return (
    <>
      <Breadcrumb parent={t("title")} href="/iam/users" current={user.name} />
      <PageHeader title={t("keys.titleOf", { name: user.name })} description={t("keys.description", { name: user.name })} />
      <AccessKeys
        keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null }))}
        actions={actions}
        fields={{ userId: user.id }}
        max={MAX_ACCESS_KEYS}
        owner={tk("ownerUser", { name: user.name })}
      />
    </>
  );
}
