"use client";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

/** The side navigation on a phone: a disclosure that closes once a link has taken the person to another page. */
export function MobileMenu({ children }: { children: ReactNode }) {
  const t = useTranslations("nav");
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (pathname !== "" && menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <details ref={menu} className="border-b border-slate-200 bg-white md:hidden">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium">{t("menu")}</summary>
      {children}
    </details>
  );
}
