import type { ReactNode } from "react";
import { MobileMenu } from "@/components/mobile-menu";
import { SideNav } from "@/components/side-nav";
import { TopBar } from "@/components/top-bar";
import { redirect } from "next/navigation";
import { resolveRequest } from "@/app/_lib/session";
import { getDb } from "@/db";
import { recentRolesOf } from "@/lib/roles/role-sessions";
import { dismissRoleNoticeAction, signOutAction, switchBackAction, switchRoleAction } from "./role-actions";

const roleActions = { switchRole: switchRoleAction, switchBack: switchBackAction, signOut: signOutAction, dismissNotice: dismissRoleNoticeAction };

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const identity = await resolveRequest();
  if (identity === null) redirect("/sign-in");
  const { caller, roleNotice } = identity;
  const recent = caller.agency ? [] : await recentRolesOf(await getDb(), caller);
  return (
    <div className="flex min-h-screen flex-col">
      <TopBar caller={caller} recent={recent} roleNotice={roleNotice} actions={roleActions} />
      <div className="flex flex-1 flex-col md:flex-row">
        <MobileMenu>
          <SideNav />
        </MobileMenu>
        <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
          <SideNav />
        </aside>
        <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
