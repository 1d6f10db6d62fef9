import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SwitchRoleForm } from "@/components/switch-role-form";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { switchRoleAction } from "../role-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roles");
  return { title: t("switchRole") };
}

const param = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 64) : undefined);

/**
 * The link a delegating account shares (`/switch-role?account=acme&agency=globex-ops`): the Switch
 * Role form filled in. Nothing happens until the person confirms; the server decides as always.
 */
export default async function SwitchRolePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("roles");
  const initial = { account: param(params.account), agency: param(params.agency) };
  return (
    <>
      <PageHeader title={t("switchRole")} description={t("description")} />
      <div className="max-w-md">
        <Panel>
          <SwitchRoleForm switchRole={switchRoleAction} initial={initial} />
        </Panel>
      </div>
    </>
  );
}
