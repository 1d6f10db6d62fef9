"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FormAction } from "@/components/action-state";
import type { Favourite, RoleRef } from "@/components/favourite-roles";
import { Button } from "@/components/ui/button";

// Every console page has the button; only a person who opens the dialog needs what is in it.
const loadBody = () => import("@/components/role-menu-body");
function LoadingBody() {
  const t = useTranslations("common");
  return <p className="text-sm text-slate-500">{t("loading")}</p>;
}
const RoleMenuBody = dynamic(loadBody, { loading: () => <LoadingBody /> });

export interface MenuRoles {
  recent: RoleRef[];
  favourites: Favourite[];
}

/**
 * The top bar's Switch Role dialog: delegating account and agency, with suggestions, favourite and
 * recent roles. A dialog (Esc, a click outside or Close shut it, focus returns to the button), and a
 * full-width sheet on phones.
 */
export function RoleMenu(props: { roles: MenuRoles; switchRole: FormAction; pinRole: FormAction; unpinRole: FormAction }) {
  const t = useTranslations("roles");
  const common = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        {/* Fetched as the pointer or focus reaches the button, so it is there by the click. */}
        <Button variant="onDark" onPointerEnter={loadBody} onFocus={loadBody}>
          {t("switchRole")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-30 bg-slate-900/30" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-x-0 bottom-0 z-40 max-h-[90vh] space-y-4 overflow-y-auto rounded-t-lg bg-white p-4 text-slate-900 shadow-xl sm:inset-x-auto sm:bottom-auto sm:right-4 sm:top-14 sm:w-96 sm:rounded-lg"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold">{t("switchRole")}</Dialog.Title>
            <Dialog.Close className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={common("close")}>
              <X aria-hidden="true" className="size-4" />
            </Dialog.Close>
          </div>
          <RoleMenuBody {...props} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
