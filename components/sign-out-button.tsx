"use client";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/action-state";
import { signOutOfConsole } from "@/components/auth-client";
import { Button } from "@/components/ui/button";

export function SignOutButton({ signOut }: { signOut: FormAction }) {
  const t = useTranslations("nav");
  const leave = async () => {
    await signOut(null, new FormData());
    await signOutOfConsole();
    window.location.assign("/sign-in");
  };
  return (
    <Button variant="onDark" onClick={leave}>
      {t("topBar.signOut")}
    </Button>
  );
}
