"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const sections = [
  {
    title: "Identity and Access Management",
    links: [
      { href: "/iam/users", label: "Users" },
      { href: "/iam/groups", label: "User Groups" },
      { href: "/iam/policies", label: "Policies" },
      { href: "/agencies", label: "Agencies" },
      { href: "/iam/simulator", label: "Policy Simulator" },
    ],
  },
  {
    title: "Resource Directory",
    links: [
      { href: "/resource-directory", label: "Overview", exact: true },
      { href: "/resource-directory/structure", label: "Members and Folders" },
      { href: "/resource-directory/trusted-services", label: "Trusted Services" },
      { href: "/delegated-admin", label: "Delegated Administration" },
    ],
  },
  {
    title: "Resources",
    links: [
      { href: "/resources/ecs", label: "ECS Instances" },
      { href: "/resources/obs", label: "OBS Buckets" },
    ],
  },
  {
    title: "Audit",
    links: [
      { href: "/audit", label: "Audit Trail" },
      { href: "/access", label: "Access Overview" },
    ],
  },
];

export function SideNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="space-y-4 p-3 text-sm">
      {sections.map((section) => (
        <div key={section.title}>
          <p className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{section.title}</p>
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
                    {link.label}
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
