import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { resolveRequest } from "@/app/_lib/session";
import { redirect } from "next/navigation";
import { ConfirmAction } from "@/components/confirm-action";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, OperationTd, OperationTh } from "@/components/ui/table";
import { ownSignIns } from "@/lib/auth/sign-in-management";
import { endSignInAction } from "./actions";
import { SignOutOthers } from "./sign-out-others";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.sessions");
  return { title: t("title") };
}

export default async function SessionsPage() {
  const identity = await resolveRequest();
  if (identity === null) redirect("/sign-in");
  const signIns = await ownSignIns(await getDb(), identity.caller, identity.loginId);
  const others = signIns.filter((s) => !s.current).length;
  const t = await getTranslations("account.sessions");
  const format = await getFormatter();
  const signedInAt = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-3">
        <SignOutOthers others={others} />
      </div>
      <Table label={t("tableLabel")}>
        <thead>
          <tr>
            <Th>{t("columns.signedIn")}</Th>
            <Th>{t("columns.lastActive")}</Th>
            <Th>{t("columns.expires")}</Th>
            <Th>{t("columns.address")}</Th>
            <Th>{t("columns.browser")}</Th>
            <OperationTh />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {signIns.map((s) => (
            <tr key={s.id}>
              <Td>
                <DateTime value={s.createdAt} />
              </Td>
              <Td>
                <DateTime value={s.lastSeenAt} />
              </Td>
              <Td>
                <DateTime value={s.expiresAt} />
              </Td>
              <Td className="font-mono text-xs">{s.address || "—"}</Td>
              <Td className="max-w-xs truncate text-xs" title={s.userAgent}>
                {s.userAgent || "—"}
              </Td>
              <OperationTd>
                {s.current ? (
                  <span className="text-sm font-medium text-slate-700">{t("current")}</span>
                ) : (
                  <ConfirmAction
                    action={endSignInAction}
                    fields={{ signInId: s.id }}
                    trigger={t("signOut")}
                    triggerLabel={t("signOutLabel", { time: signedInAt(s.createdAt) })}
                    title={t("signOutTitle")}
                    confirmLabel={t("signOutConfirm")}
                    message={
                      s.address
                        ? t("signOutMessage", { time: signedInAt(s.createdAt), address: s.address })
                        : t("signOutMessageUnknown", { time: signedInAt(s.createdAt) })
                    }
                  />
                )}
              </OperationTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
