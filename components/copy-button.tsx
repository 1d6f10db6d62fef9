"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ text, label = "Copy", accessibleLabel }: { text: string; label?: string; accessibleLabel?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" onClick={copy} aria-label={accessibleLabel}>
        {label}
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed: select the text and copy it." : ""}
      </span>
    </span>
  );
}
