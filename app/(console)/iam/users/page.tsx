import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { inWords } from "@/messages/words";
import { load } from "@/app/_lib/read";
import { AccessDenied } from "@/components/access-denied";
import { ConfirmAction } from "@/components/confirm-action";
import { DateTime } from "@/components/date-time";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { credentialsRefusal } from "@/lib/authz/escalation";
import { groupChoices } from "@/lib/iam/groups";
import { listUsers } from "@/lib/iam/users";
import { AddToGroupForm } from "./add-to-group-form";
import { CreateUserForm } from "./create-user-form";
import { ResetPasswordForm } from "./reset-password-form";
import { deleteUserAction } from "./actions";
import { EndUserSessions } from "./end-user-sessions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("iam.users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const t = await getTranslations("iam.users");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const result = await load(async (db, caller) => {
    const users = await listUsers(db, caller);
    const groups = await groupChoices(db, caller);
    return { users, groups };
  });
  // Why this caller may not set passwords here (a switched role), or null.
  const noPasswords = credentialsRefusal(result.caller);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {!result.ok ? (
        <AccessDenied message={result.message} denied={result.denied} />
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-[1fr_20rem]">
          <Table label={t("tableLabel")}>
            <thead>
              <tr>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.groups")}</Th>
                <Th>{t("columns.description")}</Th>
                <Th>{t("columns.created")}</Th>
                <OperationTh />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.data.users.length === 0 && <EmptyRow columns={5}>{t("empty")}</EmptyRow>}
              {result.data.users.map((user) => (
                <tr key={user.id}>
                  <Td className="font-medium">{user.name}</Td>
                  <Td>{user.groups.map((g) => g.name).join(", ") || "—"}</Td>
                  <Td>{user.description || "—"}</Td>
                  <Td>
                    <DateTime value={user.createdAt} precision="date" />
                  </Td>
                  <OperationTd>
                    <AddToGroupForm
                      userId={user.id}
                      userName={user.name}
                      groups={result.data.groups.filter((g) => !user.groups.some((ug) => ug.id === g.id))}
                    />
                    {noPasswords === null && <ResetPasswordForm userId={user.id} userName={user.name} />}
                    <EndUserSessions userId={user.id} userName={user.name} />
                    <Link
                      href={`/iam/users/${user.id}/access-keys`}
                      className="text-blue-700 hover:underline"
                      aria-label={t("accessKeysOf", { name: user.name })}
                    >
                      {t("accessKeys")}
                    </Link>
                    <ConfirmAction
                      action={deleteUserAction}
                      fields={{ userId: user.id }}
                      trigger={tc("delete")}
                      triggerLabel={t("deleteLabel", { name: user.name })}
                      title={t("deleteTitle")}
                      confirmLabel={tc("delete")}
                      message={t("deleteMessage", { name: user.name })}
                    />
                  </OperationTd>
                </tr>
              ))}
            </tbody>
          </Table>
          <Panel title={t("createPanel")}>
            {noPasswords !== null ? <p className="text-sm text-slate-600">{inWords(locale, noPasswords)}</p> : <CreateUserForm />}
          </Panel>
        </div>
      )}
    </>
  );
}
