import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { checkedSearch } from "@/app/_lib/search";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { DirectoryBrowser } from "@/components/directory-browser";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { directoryStructure } from "@/lib/rd/directory";
import { deleteFolderAction, removeMemberAction } from "../actions";
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { CreateFolderForm, InviteForm, RenameFolderForm } from "./forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rd");
  return { title: t("membersAndFolders") };
}

const HREF = "/resource-directory/structure";

export default async function StructurePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("rd");
  const tc = await getTranslations("common");
  const { query, searchError } = await checkedSearch(params);
  const result = await load((db, caller) => directoryStructure(db, caller, query));
  const header = <PageHeader title={t("membersAndFolders")} description={t("structure.description")} />;
  if (!result.ok) {
    return (
      <>
        {header}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { invitations, ...view } = result.data;
  return (
    <>
      {header}
      <div className="grid items-start gap-4 xl:grid-cols-[1fr_22rem]">
        <Panel title={t("structure.structure")}>
          <DirectoryBrowser
            view={view}
            href={HREF}
            searchError={searchError}
            folderActions={(folder) =>
              folder.parentId === null ? null : (
                <>
                  <RenameFolderForm folderId={folder.id} name={folder.name} />
                  <ConfirmAction
                    action={deleteFolderAction}
                    fields={{ folderId: folder.id }}
                    trigger={tc("delete")}
                    triggerLabel={t("structure.deleteFolderLabel", { name: folder.name })}
                    title={t("structure.deleteFolderTitle")}
                    confirmLabel={tc("delete")}
                    message={t("structure.deleteFolderMessage", { name: folder.name })}
                  />
                </>
              )
            }
            memberActions={(member) => (
              <>
                <Link
                  href={`/resource-directory/members/${member.accountId}`}
                  className="text-blue-700 hover:underline"
                  aria-label={t("structure.detailsOf", { name: member.name })}
                >
                  {t("structure.details")}
                </Link>
                {!member.isManagement && (
                  <ConfirmAction
                    action={removeMemberAction}
                    fields={{ accountId: member.accountId }}
                    trigger={tc("remove")}
                    triggerLabel={t("structure.removeLabel", { name: member.name })}
                    title={t("structure.removeTitle")}
                    confirmLabel={tc("remove")}
                    message={t("structure.removeMessage", { name: member.name })}
                  />
                )}
              </>
            )}
          />
        </Panel>
        <div className="space-y-4">
          <Panel title={t("structure.createFolder")}>
            <CreateFolderForm parentId={view.folder.id} path={view.trail.map((f) => f.name).join(" / ")} />
          </Panel>
          <Panel title={t("structure.inviteAccount")}>
            <InviteForm />
            {invitations.length > 0 && (
              <div className="mt-4">
                <h3 className="text-sm font-medium text-slate-700">{t("structure.pendingInvitations")}</h3>
                <ul aria-label={t("structure.pendingInvitations")} className="mt-1 list-disc pl-5 text-sm">
                  {invitations.map((i) => (
                    <li key={i.id}>{t.rich("structure.sent", { name: i.accountName, date: () => <DateTime value={i.createdAt} precision="date" /> })}</li>
                  ))}
                </ul>
              </div>
            )}
          </Panel>
        </div>
      </div>
    </>
  );
}
