import { useTranslations } from "next-intl";

/**
 * In place of a control the caller may not use: what it would do, who can help, and the permission
 * it needs as a detail. Decided by the engine on the server; the server refuses the action anyway.
 */
export function NotPermitted({ what, action, account }: { what: string; action: string; account: string }) {
  const t = useTranslations("nav");
  return (
    <p className="text-sm text-slate-600">
      {t("notPermitted.text", { what, account })}
      <span className="mt-1 block text-xs text-slate-500">{t.rich("notPermitted.needs", { action, code: (chunks) => <code>{chunks}</code> })}</span>
    </p>
  );
}
