import Link from "next/link";
import type { Caller } from "@/lib/caller";
import { SignOutButton } from "@/components/sign-out-button";

export function TopBar({ caller }: { caller: Caller }) {
  const who = caller.userName === null ? `${caller.accountName} (root user)` : `${caller.userName} @ ${caller.accountName}`;
  return (
    <header className="flex h-12 items-center justify-between gap-3 bg-slate-900 px-4 text-slate-100">
      <Link href="/" className="font-semibold tracking-wide">
        Mandate
      </Link>
      <div className="flex items-center gap-3 text-sm">
        {/* The role-switch menu takes its place here. */}
        <span data-testid="current-identity" aria-label="Signed in as">
          {who}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
