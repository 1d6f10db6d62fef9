"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ text, label, accessibleLabel }: { text: string; label?: string; accessibleLabel?: string }) {
  const t = useTranslations("common");
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
        {label ?? t("copy")}
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
