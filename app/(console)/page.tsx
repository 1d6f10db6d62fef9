import Link from "next/link";
import { Panel, PageHeader } from "@/components/ui/page-header";
import { requireCaller } from "@/app/_lib/session";
import { actingLabel } from "@/lib/caller";
import { utcMinute } from "@/lib/format";

export default async function HomePage() {
  const caller = await requireCaller();
  return (
    <>
      <PageHeader
        title="Overview"
        description="Lend permissions to other accounts through agencies, and manage your resource directory's delegated administrators."
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Panel title="Account">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Account name</dt>
            <dd>{caller.accountName}</dd>
            <dt className="text-slate-500">Account ID</dt>
            <dd className="font-mono text-xs">{caller.accountId}</dd>
            <dt className="text-slate-500">{caller.agency ? "Acting as" : "Signed in as"}</dt>
            <dd>
              {actingLabel(caller)}
              {caller.agency && (
                <span className="block text-xs text-slate-600">
                  {caller.agency.expiresAt ? `Agency expires ${utcMinute(caller.agency.expiresAt)}` : "The agency does not expire"}
                </span>
              )}
            </dd>
          </dl>
        </Panel>
        <Panel title="Get started">
          <ul className="list-disc space-y-1 pl-5 text-sm text-blue-700">
            <li>
              <Link href="/iam/users">Manage users</Link>
            </li>
            <li>
              <Link href="/iam/groups">Grant permissions to user groups</Link>
            </li>
            <li>
              <Link href="/iam/policies">Write custom policies</Link>
            </li>
            <li>
              <Link href="/resources/ecs">View ECS instances</Link>
            </li>
          </ul>
        </Panel>
      </div>
    </>
  );
}
