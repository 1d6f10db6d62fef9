import type { Metadata } from "next";
import { requireCaller } from "@/app/_lib/session";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function PasswordPage() {
  const caller = await requireCaller();
  const who = caller.userName === null ? `the root user of ${caller.principalAccountName}` : `${caller.userName} (${caller.principalAccountName})`;
  return (
    <>
      <PageHeader
        title="Change password"
        description={`The password of ${who}. Changing it signs out every other session where you are signed in, and ends the roles they switched into.`}
      />
      <div className="max-w-md">
        <Panel title="New password">
          <ChangePasswordForm />
        </Panel>
      </div>
    </>
  );
}
