"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="secondary" className="border-slate-600 bg-slate-800 text-slate-100 hover:bg-slate-700" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
      Sign Out
    </Button>
  );
}
