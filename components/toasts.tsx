"use client";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { FormAction } from "@/components/action-state";
import { FLASH_COOKIE } from "@/components/flash-cookie";

function takeFlash(): string | null {
  const entry = document.cookie.split("; ").find((c) => c.startsWith(`${FLASH_COOKIE}=`));
  if (entry === undefined) return null;
  // biome-ignore lint/suspicious/noDocumentCookie: the page that shows the flash clears it, with no round trip to the server.
  document.cookie = `${FLASH_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  return decodeURIComponent(entry.slice(FLASH_COOKIE.length + 1));
}

// sonner is fetched with the first message, so a page that shows none never loads it; a message
// raised before it is there waits here and is shown as soon as it is.
const SonnerToaster = dynamic(() => import("@/components/toaster"), { ssr: false });
let show: ((message: string) => void) | null = null;
let wanted: (() => void) | null = null;
const waiting: string[] = [];

function showSuccess(message: string) {
  if (show) return show(message);
  waiting.push(message);
  wanted?.();
}

function onReady(ready: (message: string) => void) {
  show = ready;
  for (const message of waiting.splice(0)) ready(message);
  return () => {
    show = null;
  };
}

/** Where toasts appear (top right, above the page), and the one a redirecting change left behind. */
export function Toasts() {
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    wanted = () => setNeeded(true);
    if (waiting.length > 0) setNeeded(true);
    return () => {
      wanted = null;
    };
  }, []);
  // The layout stays mounted across client navigations: look again whenever the page changes.
  const pathname = usePathname();
  useEffect(() => {
    if (pathname === null) return;
    const message = takeFlash();
    if (message) showSuccess(message);
  }, [pathname]);
  return needed ? <SonnerToaster onReady={onReady} /> : null;
}

/** A change's outcome as a toast, for controls that close or vanish once they succeed (dialogs, row buttons). */
export function withSuccessToast(action: FormAction): FormAction {
  return async (previous, formData) => {
    const result = await action(previous, formData);
    if (result?.ok && result.message) showSuccess(result.message);
    return result;
  };
}
