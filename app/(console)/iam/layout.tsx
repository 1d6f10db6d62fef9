import type { ReactNode } from "react";
import { SectionMessages } from "@/components/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return <SectionMessages section="iam">{children}</SectionMessages>;
}
