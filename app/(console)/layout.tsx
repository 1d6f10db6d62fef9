import type { ReactNode } from "react";
import { SideNav } from "@/components/side-nav";
import { TopBar } from "@/components/top-bar";
import { requireCaller } from "@/lib/auth/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const caller = await requireCaller();
  return (
    <div className="flex min-h-screen flex-col">
      <TopBar caller={caller} />
      <div className="flex flex-1 flex-col md:flex-row">
        <details className="border-b border-slate-200 bg-white md:hidden">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium">Menu</summary>
          <SideNav />
        </details>
        <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
          <SideNav />
        </aside>
        <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
