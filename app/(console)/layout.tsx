import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";
import { MobileMenu } from "@/components/mobile-menu";
import { SideNav } from "@/components/side-nav";
import { TopBar } from "@/components/top-bar";
import { redirect } from "next/navigation";
import { chooseLanguage } from "@/app/_lib/i18n/choose-language";
import { inReadersWords } from "@/app/_lib/i18n/translate";
import { resolveRequest } from "@/app/_lib/session";
import { getDb } from "@/db";
import { consoleParts } from "@/messages/client-parts";
import { UNREAD_COUNTED, unreadNotificationCount } from "@/lib/notifications/notifications";
import { currentFavourite, favouriteRolesOf } from "@/lib/roles/favourites";
import { recentRolesOf } from "@/lib/roles/role-sessions";
import { dismissRoleNoticeAction, pinRoleAction, signOutAction, switchBackAction, switchRoleAction, unpinRoleAction } from "./role-actions";

const roleActions = {
  switchRole: switchRoleAction,
  switchBack: switchBackAction,
  signOut: signOutAction,
  dismissNotice: dismissRoleNoticeAction,
  pinRole: pinRoleAction,
  unpinRole: unpinRoleAction,
  chooseLanguage,
};

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const identity = await resolveRequest();
  if (identity === null) redirect("/sign-in");
  const { caller } = identity;
  // Put into words here, so the browser needs no error messages to show it.
  const roleNotice = identity.roleNotice === null ? null : await inReadersWords(identity.roleNotice);
  const db = await getDb();
  const [recent, favourites, current, unread] = await Promise.all([
    caller.agency ? [] : recentRolesOf(db, caller),
    caller.agency ? [] : favouriteRolesOf(db, caller),
    currentFavourite(db, caller),
    unreadNotificationCount(db, caller),
  ]);
  const roles = { recent, favourites, current };
  const notifications = { unread, max: UNREAD_COUNTED };
  return (
    <ClientMessages parts={consoleParts}>
      <div className="flex min-h-screen flex-col">
        <TopBar caller={caller} roles={roles} notifications={notifications} roleNotice={roleNotice} actions={roleActions} />
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
    </ClientMessages>
  );
}
