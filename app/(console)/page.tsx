import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inWords } from "@/messages/words";
import { DateTime } from "@/components/date-time";
import { Panel, PageHeader } from "@/components/ui/page-header";
import { requireCaller } from "@/app/_lib/session";
import { actingLabel } from "@/lib/caller";

export default async function HomePage() {
  const caller = await requireCaller();
  const t = await getTranslations("home");
  const locale = await getLocale();
  const expiresAt = caller.agency?.expiresAt ?? null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 md:grid-cols-2">
        <Panel title={t("account")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("accountName")}</dt>
            <dd>{caller.accountName}</dd>
            <dt className="text-slate-500">{t("accountId")}</dt>
            <dd className="font-mono text-xs">{caller.accountId}</dd>
            <dt className="text-slate-500">{caller.agency ? t("actingAs") : t("signedInAs")}</dt>
            <dd>
              {inWords(locale, actingLabel(caller))}
              {caller.agency && (
                <span className="block text-xs text-slate-600">
                  {expiresAt ? t.rich("agencyExpires", { date: () => <DateTime value={expiresAt} /> }) : t("agencyNoExpiry")}
                </span>
              )}
            </dd>
          </dl>
        </Panel>
        <Panel title={t("getStarted")}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-blue-700">
            <li>
              <Link href="/iam/users">{t("links.users")}</Link>
            </li>
            <li>
              <Link href="/iam/groups">{t("links.groups")}</Link>
            </li>
            <li>
              <Link href="/iam/policies">{t("links.policies")}</Link>
            </li>
            <li>
              <Link href="/resources/ecs">{t("links.ecs")}</Link>
            </li>
          </ul>
        </Panel>
      </div>
    </>
  );
}
