"use client";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/copy-button";

const noChange = () => () => {};

/** The link that opens Switch Role filled in for this agency, to hand to the delegated account. */
export function SwitchRoleLink({ account, agency }: { account: string; agency: string }) {
  const t = useTranslations("agencies");
  const path = `/switch-role?${new URLSearchParams({ account, agency })}`;
  // The console's own address is the browser's: the server may sit behind a proxy under another name.
  // Before hydration (and on the server) the path alone, which is still a working link.
  const origin = useSyncExternalStore(
    noChange,
    () => window.location.origin,
    () => "",
  );
  const link = `${origin}${path}`;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600">{t("switchRoleLink.text")}</p>
      <code className="block break-all rounded bg-slate-50 p-2 text-xs">{link}</code>
      <CopyButton text={link} label={t("switchRoleLink.copy")} />
    </div>
  );
}
