"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useState } from "react";
import type { FormAction } from "@/components/action-state";
import { SwitchRoleForm } from "@/components/switch-role-form";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/use-action-form";

export interface RecentRole {
  accountName: string;
  agencyName: string;
}

/**
 * The top bar's Switch Role dialog: delegating account and agency, with suggestions and recent
 * roles. A dialog (Esc, a click outside or Close shut it, focus returns to the button), and a
 * full-width sheet on phones.
 */
export function RoleMenu({ recent, switchRole }: { recent: RecentRole[]; switchRole: FormAction }) {
  const [open, setOpen] = useState(false);
  const recentAction = useActionForm(switchRole);
  const recentError = recentAction.refusal;
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
          {recent.length > 0 && (
            <div>
              <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Recent roles</h3>
              <ul aria-label="Recent roles" className="space-y-1">
                {recent.map((role) => (
                  <li key={`${role.accountName}/${role.agencyName}`}>
                    <form action={recentAction.formAction}>
                      <input type="hidden" name="accountName" value={role.accountName} />
                      <input type="hidden" name="agencyName" value={role.agencyName} />
                      <button type="submit" className="w-full rounded px-2 py-1 text-left text-sm text-blue-700 hover:bg-slate-100">
                        {role.agencyName}@{role.accountName}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
              {recentError && (
                <p role="alert" className="mt-1 text-sm text-red-700">
                  {recentError}
                </p>
              )}
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
