import type { Metadata } from "next";
import Link from "next/link";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { DirectoryTree } from "@/components/directory-tree";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { directoryStructure } from "@/lib/rd/directory";
import { folderPath } from "@/lib/rd/structure";
import { deleteFolderAction, removeMemberAction } from "../actions";
import { CreateFolderForm, InviteForm, MoveMemberForm, RenameFolderForm } from "./forms";
import { utcDate } from "@/lib/format";

export const metadata: Metadata = { title: "Members and Folders" };

export default async function StructurePage() {
  const result = await load(directoryStructure);
  const header = <PageHeader title="Members and Folders" description="The folders of your resource directory under Root, and the member accounts in each." />;
  if (!result.ok) {
    return (
      <>
        {header}
        <AccessDenied message={result.message} denied={result.denied} />
      </>
    );
  }
  const { folders, members, invitations } = result.data;
  const choices = folders.map((f) => ({ id: f.id, path: folderPath(folders, f.id) })).sort((a, b) => a.path.localeCompare(b.path));
  return (
    <>
      {header}
      <div className="grid items-start gap-4 xl:grid-cols-[1fr_22rem]">
        <Panel title="Structure">
          <DirectoryTree
            folders={folders}
            members={members}
            folderActions={(folder) =>
              folder.parentId === null ? null : (
                <>
                  <RenameFolderForm folderId={folder.id} name={folder.name} />
                  <ConfirmAction
                    action={deleteFolderAction}
                    fields={{ folderId: folder.id }}
                    trigger="Delete"
                    triggerLabel={`Delete folder ${folder.name}`}
                    title="Delete Folder"
                    confirmLabel="Delete"
                    message={`Delete folder ${folder.name}? Only an empty folder can be deleted.`}
                  />
                </>
              )
            }
            memberActions={(member) => (
              <>
                <Link
                  href={`/resource-directory/members/${member.accountId}`}
                  className="text-blue-700 hover:underline"
                  aria-label={`Details of ${member.name}`}
                >
                  Details
                </Link>
                <MoveMemberForm accountId={member.accountId} name={member.name} folderId={member.folderId} folders={choices} />
                {!member.isManagement && (
                  <ConfirmAction
                    action={removeMemberAction}
                    fields={{ accountId: member.accountId }}
                    trigger="Remove"
                    triggerLabel={`Remove ${member.name}`}
                    title="Remove Member Account"
                    confirmLabel="Remove"
                    message={`Remove ${member.name} from the resource directory? It stops being a delegated administrator of every trusted service.`}
                  />
                )}
              </>
            )}
          />
        </Panel>
        <div className="space-y-4">
          <Panel title="Create Folder">
            <CreateFolderForm folders={choices} />
          </Panel>
          <Panel title="Invite Account">
            <InviteForm />
            {invitations.length > 0 && (
              <div className="mt-4">
                <h3 className="text-sm font-medium text-slate-700">Pending invitations</h3>
                <ul aria-label="Pending invitations" className="mt-1 list-disc pl-5 text-sm">
                  {invitations.map((i) => (
                    <li key={i.id}>
                      {i.accountName} (sent {utcDate(i.createdAt)})
                    </li>
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
