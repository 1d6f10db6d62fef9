import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";
import { ClientMessages } from "@/components/client-messages";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { everywhereParts } from "@/messages/client-parts";
import { Providers } from "./providers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: "Mandate", template: "%s · Mandate" },
    description: t("description"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body>
        <ClientMessages parts={everywhereParts}>
          <TimeZoneSync />
          <Providers>{children}</Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
