import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCaller } from "@/app/_lib/session";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.password");
  return { title: t("title") };
}

export default async function PasswordPage() {
  const caller = await requireCaller();
  const t = await getTranslations("account.password");
  const account = caller.principalAccountName;
  const description = caller.userName === null ? t("descriptionRoot", { account }) : t("descriptionUser", { user: caller.userName, account });
  return (
    <>
      <PageHeader title={t("title")} description={description} />
      <div className="max-w-md">
        <Panel title={t("panel")}>
          <ChangePasswordForm />
        </Panel>
      </div>
    </>
  );
}
