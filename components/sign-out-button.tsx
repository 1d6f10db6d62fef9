"use client";
import { signOutAction } from "@/app/(console)/role-actions";
import { signOutOfConsole } from "@/components/auth-client";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const leave = async () => {
    await signOutAction(null, new FormData());
    await signOutOfConsole();
    window.location.assign("/sign-in");
  };
  return (
    <Button variant="onDark" onClick={leave}>
      Sign Out
    </Button>
  );
}
