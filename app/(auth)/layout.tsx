import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";
import { signInParts } from "@/messages/client-parts";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <ClientMessages parts={signInParts}>{children}</ClientMessages>;
}
