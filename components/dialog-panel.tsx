"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** A form that opens on demand (Modify, Add Permissions) instead of filling the page; Esc, a click outside or Close shut it. */
export function DialogPanel({
  trigger,
  title,
  children,
  variant = "secondary",
  defaultOpen = false,
}: {
  trigger: string;
  title: string;
  children: ReactNode;
  variant?: ButtonVariant;
  defaultOpen?: boolean;
}) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(defaultOpen);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant={variant}>{trigger}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-30 bg-slate-900/30" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-x-0 bottom-0 z-40 max-h-[90vh] space-y-4 overflow-y-auto rounded-t-lg bg-white p-5 text-slate-900 shadow-xl sm:inset-auto sm:left-1/2 sm:top-1/2 sm:w-[36rem] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-lg"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Close className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label={t("close")}>
              <X aria-hidden="true" className="size-4" />
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
