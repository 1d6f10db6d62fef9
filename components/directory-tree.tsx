import { Folder, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FolderNode, MemberRow } from "@/lib/rd/structure";

interface Props {
  folders: FolderNode[];
  members: MemberRow[];
  folderActions?: (folder: FolderNode) => ReactNode;
  memberActions?: (member: MemberRow) => ReactNode;
}

/** The folders under Root with the member accounts in each, as nested lists; each icon and name reads as one labelled image ("Folder Staging"). */
export function DirectoryTree({ folders, members, folderActions, memberActions }: Props) {
  const t = useTranslations("rd");
  const root = folders.find((f) => f.parentId === null);
  if (root === undefined) return null;
  const render = (folder: FolderNode): ReactNode => {
    const children = folders.filter((f) => f.parentId === folder.id);
    const inside = members.filter((m) => m.folderId === folder.id);
    return (
      <li key={folder.id} className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <span role="img" className="inline-flex items-center gap-1.5 font-medium text-slate-900" aria-label={t("tree.folder", { name: folder.name })}>
            <Folder aria-hidden="true" className="size-4 text-amber-600" />
            {folder.name}
          </span>
          {folderActions?.(folder)}
        </div>
        {(children.length > 0 || inside.length > 0) && (
          <ul className="ml-5 space-y-1 border-l border-slate-200 pl-3">
            {inside.map((member) => (
              <li key={member.accountId} className="flex flex-wrap items-center gap-3 text-sm">
                <span role="img" className="inline-flex items-center gap-1.5" aria-label={t("tree.account", { name: member.name })}>
                  <UserRound aria-hidden="true" className="size-4 text-slate-500" />
                  {member.name}
                </span>
                {member.isManagement && <span className="rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-800">{t("managementAccount")}</span>}
                {memberActions?.(member)}
              </li>
            ))}
            {children.map(render)}
          </ul>
        )}
      </li>
    );
  };
  return (
    <ul aria-label={t("tree.label")} className="space-y-1">
      {render(root)}
    </ul>
  );
}
