import type { Metadata } from "next";
import { SwitchRoleForm } from "@/components/switch-role-form";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { switchRoleAction } from "../role-actions";

export const metadata: Metadata = { title: "Switch Role" };

const param = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 64) : undefined);

/**
 * The link a delegating account shares (`/switch-role?account=acme&agency=globex-ops`): the Switch
 * Role form filled in. Nothing happens until the person confirms; the server decides as always.
 */
export default async function SwitchRolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const initial = { account: param(params.account), agency: param(params.agency) };
  return (
    <>
      <PageHeader title="Switch Role" description="Act in another account with the permissions of one of its agencies that trusts your account." />
      <div className="max-w-md">
        <Panel>
          <SwitchRoleForm switchRole={switchRoleAction} initial={initial} />
        </Panel>
      </div>
    </>
  );
}
