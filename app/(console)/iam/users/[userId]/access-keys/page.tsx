import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { AccessKeys } from "@/components/access-keys";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { listUserAccessKeys, MAX_ACCESS_KEYS } from "@/lib/access-keys/access-keys";
import { id } from "@/lib/validation";
import { createUserAccessKeyAction, deleteUserAccessKeyAction, setUserAccessKeyStatusAction } from "./actions";

export const metadata: Metadata = { title: "User Access Keys" };

const actions = { create: createUserAccessKeyAction, setStatus: setUserAccessKeyStatusAction, remove: deleteUserAccessKeyAction };

/** A user's access keys, as root or a Security Administrator manages them. */
export default async function UserAccessKeysPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  if (!id("user").safeParse(userId).success) notFound();
  const result = await load((db, caller) => listUserAccessKeys(db, caller, userId));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Access Keys" />
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { user, keys } = result.data;
  return (
    <>
      <Breadcrumb parent="Users" href="/iam/users" current={user.name} />
      <PageHeader title={`Access Keys of ${user.name}`} description={`Whoever holds one of these keys signs API requests as ${user.name}.`} />
      <AccessKeys
        keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null }))}
        actions={actions}
        fields={{ userId: user.id }}
        max={MAX_ACCESS_KEYS}
        owner={`user ${user.name}`}
      />
    </>
  );
}
