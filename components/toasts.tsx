"use client";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { Toaster, toast } from "sonner";
import type { FormAction } from "@/components/action-state";
import { FLASH_COOKIE } from "@/components/flash-cookie";

function takeFlash(): string | null {
  const entry = document.cookie.split("; ").find((c) => c.startsWith(`${FLASH_COOKIE}=`));
  if (entry === undefined) return null;
  // biome-ignore lint/suspicious/noDocumentCookie: the page that shows the flash clears it, with no round trip to the server.
  document.cookie = `${FLASH_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  return decodeURIComponent(entry.slice(FLASH_COOKIE.length + 1));
}

/** Where toasts appear (top right, above the page), and the one a redirecting change left behind. */
export function Toasts() {
  // The layout stays mounted across client navigations: look again whenever the page changes.
  const pathname = usePathname();
  useEffect(() => {
    if (pathname === null) return;
    const message = takeFlash();
    if (message) toast.success(message);
  }, [pathname]);
  return <Toaster position="top-right" richColors closeButton />;
}

/** A change's outcome as a toast, for controls that close or vanish once they succeed (dialogs, row buttons). */
export function withSuccessToast(action: FormAction): FormAction {
  return async (previous, formData) => {
    const result = await action(previous, formData);
    if (result?.ok && result.message) toast.success(result.message);
    return result;
  };
}
