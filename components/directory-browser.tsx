import { Folder, UserRound } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, OperationTd, OperationTh, Table, Td, Th } from "@/components/ui/table";
import { FOLDERS_SHOWN, type FolderNode, type MemberRow } from "@/lib/rd/structure";

type Page<T> = { rows: T[]; previous: string | null; next: string | null };

export interface DirectoryView {
  folder: FolderNode;
  trail: FolderNode[];
  subfolders: Map<string, { folders: FolderNode[]; more: boolean }>;
  members: Page<MemberRow> | null;
  matches: Page<MemberRow & { folder?: string }> | null;
  q: string;
}

interface Props {
  view: DirectoryView;
  /** The page the browser lives on: folder links and the search form lead there. */
  href: string;
  searchError?: string | undefined;
  folderActions?: (folder: FolderNode) => ReactNode;
  memberActions?: (member: MemberRow) => ReactNode;
}

/**
 * A directory read a folder at a time: the tree is open along the path to one folder (each folder a
 * link that opens it), the open folder lists its members a page at a time, and a search finds a
 * member anywhere. Each icon and name reads as one label ("Folder Staging", "Account globex").
 */
export function DirectoryBrowser({ view, href, searchError, folderActions, memberActions }: Props) {
  const t = useTranslations("rd");
  const tc = useTranslations("common");
  const open = new Set(view.trail.map((f) => f.id));
  const path = view.trail.map((f) => f.name).join(" / ");
  const folderHref = (folder: FolderNode) => (folder.parentId === null ? href : `${href}?folder=${folder.id}`);
  const account = (member: MemberRow) => (
    <span role="img" className="inline-flex items-center gap-1.5" aria-label={t("tree.account", { name: member.name })}>
      <UserRound aria-hidden="true" className="size-4 text-slate-500" />
      {member.name}
    </span>
  );
  const render = (folder: FolderNode): ReactNode => {
    const isOpen = open.has(folder.id);
    const children = isOpen ? (view.subfolders.get(folder.id) ?? { folders: [], more: false }) : { folders: [], more: false };
    const members = folder.id === view.folder.id && view.members !== null ? view.members.rows : [];
    return (
      <li key={folder.id} className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href={folderHref(folder)}
            aria-label={t("tree.folder", { name: folder.name })}
            aria-current={folder.id === view.folder.id && view.q === "" ? "page" : undefined}
            aria-expanded={isOpen}
            className="inline-flex items-center gap-1.5 font-medium text-slate-900 hover:underline aria-[current=page]:text-blue-800"
          >
            <Folder aria-hidden="true" className="size-4 text-amber-600" />
            {folder.name}
          </Link>
          {folder.id === view.folder.id && folderActions?.(folder)}
        </div>
        {(members.length > 0 || children.folders.length > 0) && (
          <ul className="ml-5 space-y-1 border-l border-slate-200 pl-3">
            {members.map((member) => (
              <li key={member.accountId} className="flex flex-wrap items-center gap-3 text-sm">
                {account(member)}
                {member.isManagement && <span className="rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-800">{t("managementAccount")}</span>}
                {memberActions?.(member)}
              </li>
            ))}
            {children.folders.map(render)}
            {children.more && <li className="text-xs text-slate-500">{t("tree.moreFolders", { count: FOLDERS_SHOWN })}</li>}
          </ul>
        )}
      </li>
    );
  };
  const keep: Record<string, string> = view.q !== "" ? { q: view.q } : view.folder.parentId === null ? {} : { folder: view.folder.id };
  return (
    <div className="space-y-4">
      <search>
        <form action={href} className="flex max-w-xl flex-wrap gap-2">
          <Input
            type="search"
            name="q"
            aria-label={t("browse.searchLabel")}
            placeholder={t("browse.searchLabel")}
            defaultValue={view.q}
            aria-invalid={Boolean(searchError)}
            aria-describedby={searchError ? "member-search-error" : undefined}
            className="w-72"
          />
          <button type="submit" className={buttonClass("secondary")}>
            {tc("search")}
          </button>
          {view.q !== "" && (
            <Link href={href} className="self-center text-sm text-blue-700 hover:underline">
              {t("browse.clear")}
            </Link>
          )}
        </form>
        {searchError && (
          <p id="member-search-error" role="alert" className="mt-1 text-sm text-red-700">
            {searchError}
          </p>
        )}
      </search>
      {view.matches !== null ? (
        <>
          <Table label={t("browse.results", { q: view.q })}>
            <thead>
              <tr>
                <Th>{t("accountName")}</Th>
                <Th>{t("accountId")}</Th>
                <Th>{t("folder")}</Th>
                {memberActions && <OperationTh />}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.matches.rows.length === 0 && <EmptyRow columns={memberActions ? 4 : 3}>{t("browse.noMatch", { q: view.q })}</EmptyRow>}
              {view.matches.rows.map((member) => (
                <tr key={member.accountId}>
                  <Td>{account(member)}</Td>
                  <Td className="font-mono text-xs">{member.accountId}</Td>
                  <Td>{member.folder}</Td>
                  {memberActions && <OperationTd>{memberActions(member)}</OperationTd>}
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination label={t("tree.pages")} previous={view.matches.previous} next={view.matches.next} params={keep} />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("tree.openFolder", { path })}</p>
          <ul aria-label={t("tree.label")} className="space-y-1">
            {render(view.trail[0]!)}
          </ul>
          {view.members !== null && view.members.rows.length === 0 && <p className="text-sm text-slate-500">{t("tree.empty")}</p>}
          {view.members !== null && (view.members.previous !== null || view.members.next !== null) && (
            <Pagination label={t("tree.pages")} previous={view.members.previous} next={view.members.next} params={keep} />
          )}
        </>
      )}
    </div>
  );
}
