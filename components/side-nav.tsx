"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

// Each section and link is named by its key in the `nav` namespace.
const sections = [
  {
    key: "iam",
    links: [
      { href: "/iam/users", key: "users" },
      { href: "/iam/groups", key: "groups" },
      { href: "/iam/policies", key: "policies" },
      { href: "/iam/identity-providers", key: "identityProviders" },
      { href: "/agencies", key: "agencies" },
      { href: "/iam/simulator", key: "simulator" },
    ],
  },
  {
    key: "rd",
    links: [
      { href: "/resource-directory", key: "rdOverview", exact: true },
      { href: "/resource-directory/structure", key: "structure" },
      { href: "/resource-directory/trusted-services", key: "trustedServices" },
      { href: "/delegated-admin", key: "delegatedAdmin" },
    ],
  },
  {
    key: "resources",
    links: [
      { href: "/resources/ecs", key: "ecs" },
      { href: "/resources/obs", key: "obs" },
    ],
  },
  {
    key: "audit",
    links: [
      { href: "/audit", key: "auditTrail" },
      { href: "/access", key: "access" },
    ],
  },
] as const;

export function SideNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("console")} className="space-y-4 p-3 text-sm">
      {sections.map((section) => (
        <div key={section.key}>
          <p className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t(`sections.${section.key}`)}</p>
          <ul>
            {section.links.map((link) => {
              const active = pathname === link.href || (!("exact" in link) && pathname.startsWith(`${link.href}/`));
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={active ? "page" : undefined}
                    className={cn("block rounded px-2 py-1.5 hover:bg-slate-200", active ? "bg-blue-50 font-medium text-blue-800" : "text-slate-700")}
                  >
                    {t(`links.${link.key}`)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
