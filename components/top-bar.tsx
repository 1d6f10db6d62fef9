import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/action-state";
import { InlineAction } from "@/components/inline-action";
import { LanguageSwitcher } from "@/components/language-switcher";
import { RoleExpiry } from "@/components/role-expiry";
import { ColourDot, type Favourite } from "@/components/favourite-roles";
import { NotificationBell } from "@/components/notification-bell";
import { type MenuRoles, RoleMenu } from "@/components/role-menu";
import { SignOutButton } from "@/components/sign-out-button";
import { Alert } from "@/components/ui/alert";
import type { Caller } from "@/lib/caller";

/** `rootUser` names an account's root user in the reader's language: "acme (root user)". */
function principalName(caller: Caller, rootUser: (account: string) => string): string {
  if (caller.userName === null) return rootUser(caller.principalAccountName);
  // A federated user may carry an IAM user's name: the provider tells them apart.
  const provider = caller.federated === undefined ? "" : ` (${caller.federated.provider})`;
  return `${caller.userName}@${caller.principalAccountName}${provider}`;
}

/** The server actions of switching roles and signing out, handed down by the console's layout. */
export interface RoleActions {
  switchRole: FormAction;
  switchBack: FormAction;
  signOut: FormAction;
  dismissNotice: FormAction;
  pinRole: FormAction;
  unpinRole: FormAction;
  chooseLanguage: (formData: FormData) => Promise<void>;
}

export interface TopBarRoles extends MenuRoles {
  /** The favourite matching the role switched into, shown by its name and colour. */
  current: Favourite | null;
}

export function TopBar({
  caller,
  roles,
  notifications,
  roleNotice,
  actions,
}: {
  caller: Caller;
  roles: TopBarRoles;
  notifications: { unread: number; max: number };
  /** Why the role session ended, already in the reader's words. */
  roleNotice: string | null;
  actions: RoleActions;
}) {
  const t = useTranslations("nav");
  const roleWords = useTranslations("roles");
  const common = useTranslations("common");
  const agency = caller.agency;
  const principal = principalName(caller, (account) => t("topBar.rootUser", { account }));
  return (
    <>
      <header className={`flex min-h-12 flex-wrap items-center justify-between gap-3 px-4 py-2 text-slate-100 ${agency ? "bg-amber-900" : "bg-slate-900"}`}>
        <Link href="/" className="font-semibold tracking-wide">
          Mandate
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {/* A status, so switching role or back is announced; a plain span may not carry a label. */}
          <span role="status" data-testid="current-identity" aria-label={t("topBar.signedInAs")}>
            {agency ? t("topBar.actingAs", { principal, role: `${agency.name}@${caller.accountName}` }) : principal}
          </span>
          {agency && roles.current && (
            <span className="flex items-center gap-1.5 rounded bg-white/10 px-2 py-0.5" title={roleWords("favouriteRole")}>
              <ColourDot colour={roles.current.colour} />
              <span className="sr-only">{roleWords("favouriteRolePrefix")}</span>
              {roles.current.displayName}
            </span>
          )}
          {agency ? (
            <>
              <RoleExpiry expiresAt={agency.expiresAt?.toISOString() ?? null} />
              <InlineAction action={actions.switchBack} fields={{}} label={roleWords("switchBack")} variant="onDark" />
            </>
          ) : (
            <RoleMenu roles={roles} switchRole={actions.switchRole} pinRole={actions.pinRole} unpinRole={actions.unpinRole} />
          )}
          <LanguageSwitcher choose={actions.chooseLanguage} tone="dark" />
          <NotificationBell unread={notifications.unread} max={notifications.max} />
          <Link href="/account/sessions" className="underline-offset-2 hover:underline">
            {t("topBar.mySessions")}
          </Link>
          <Link href="/account/access-keys" className="underline-offset-2 hover:underline">
            {t("topBar.accessKeys")}
          </Link>
          <Link href="/account/password" className="underline-offset-2 hover:underline">
            {t("topBar.password")}
          </Link>
          <SignOutButton signOut={actions.signOut} />
        </div>
      </header>
      {roleNotice && (
        <div className="px-4 pt-3">
          <Alert tone="warning" title={roleWords("roleEnded")}>
            <span className="mr-2">{roleWords("backInOwnAccount", { notice: roleNotice })}</span>
            <InlineAction action={actions.dismissNotice} fields={{}} label={common("dismiss")} />
          </Alert>
        </div>
      )}
    </>
  );
}
