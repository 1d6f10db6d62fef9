"use client";
import { useEffect } from "react";
import { Toaster, toast } from "sonner";

/** sonner's Toaster, loaded after the page is interactive; tells its host once toasts can be shown. */
export default function SonnerToaster({ onReady }: { onReady: (show: (message: string) => void) => void }) {
  // The Toaster (a child) subscribes in its own effect, which runs before this one: nothing shown now is missed.
  useEffect(() => onReady((message) => toast.success(message)), [onReady]);
  return <Toaster position="top-right" richColors closeButton />;
}
