"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useState } from "react";
import type { FormAction } from "@/components/action-state";
import { type Favourite, FavouriteRoles, RecentRoles, type RoleRef } from "@/components/favourite-roles";
import { SwitchRoleForm } from "@/components/switch-role-form";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/use-action-form";

export interface MenuRoles {
  recent: RoleRef[];
  favourites: Favourite[];
}

/**
 * The top bar's Switch Role dialog: delegating account and agency, with suggestions, favourite and
 * recent roles. A dialog (Esc, a click outside or Close shut it, focus returns to the button), and a
 * full-width sheet on phones.
 */
export function RoleMenu({
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
  const [open, setOpen] = useState(false);
  // One-click switching from a favourite or a recent role.
  const quick = useActionForm(switchRole);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="onDark">Switch Role</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-30 bg-slate-900/30" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-x-0 bottom-0 z-40 max-h-[90vh] space-y-4 overflow-y-auto rounded-t-lg bg-white p-4 text-slate-900 shadow-xl sm:inset-x-auto sm:bottom-auto sm:right-4 sm:top-14 sm:w-96 sm:rounded-lg"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold">Switch Role</Dialog.Title>
            <Dialog.Close className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Close">
              <X aria-hidden="true" className="size-4" />
            </Dialog.Close>
          </div>
          <SwitchRoleForm switchRole={switchRole} autoFocus />
          {favourites.length > 0 && <FavouriteRoles favourites={favourites} switchAction={quick.formAction} unpinRole={unpinRole} />}
          {recent.length > 0 && <RecentRoles recent={recent} favourites={favourites} switchAction={quick.formAction} pinRole={pinRole} />}
          {quick.refusal && (
            <p role="alert" className="text-sm text-red-700">
              {quick.refusal}
            </p>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
