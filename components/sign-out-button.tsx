"use client";
import { signOut } from "next-auth/react";
import { signOutAction } from "@/app/(console)/role-actions";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const leave = async () => {
    await signOutAction(null, new FormData());
    await signOut({ callbackUrl: "/sign-in" });
  };
  return (
    <Button variant="onDark" onClick={leave}>
      Sign Out
    </Button>
  );
}
