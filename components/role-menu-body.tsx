"use client";
import type { FormAction } from "@/components/action-state";
import { FavouriteRoles, RecentRoles } from "@/components/favourite-roles";
import type { MenuRoles } from "@/components/role-menu";
import { SwitchRoleForm } from "@/components/switch-role-form";
import { useActionForm } from "@/components/use-action-form";

/** What the Switch Role dialog holds: the form, favourite roles and recent roles. */
export default function RoleMenuBody({
  roles: { recent, favourites },
  switchRole,
  pinRole,
  unpinRole,
}: {
  roles: MenuRoles;
  switchRole: FormAction;
  pinRole: FormAction;
  unpinRole: FormAction;
}) {
  // One-click switching from a favourite or a recent role.
  const quick = useActionForm(switchRole);
  return (
    <>
      <SwitchRoleForm switchRole={switchRole} autoFocus />
      {favourites.length > 0 && <FavouriteRoles favourites={favourites} switchAction={quick.formAction} unpinRole={unpinRole} />}
      {recent.length > 0 && <RecentRoles recent={recent} favourites={favourites} switchAction={quick.formAction} pinRole={pinRole} />}
      {quick.refusal && (
        <p role="alert" className="text-sm text-red-700">
          {quick.refusal}
        </p>
      )}
    </>
  );
}
