import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { Providers } from "./providers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: "Mandate", template: "%s · Mandate" },
    description: t("description"),
    icons: { icon: "/favicon.svg" },
  };
}

// Read only by server-rendered pages: kept out of the messages every page sends to the browser.
const serverOnly = new Set(["access", "audit", "delegatedAdmin", "home"]);

export default async function RootLayout({ children }: { children: ReactNode }) {
  const messages = Object.fromEntries(Object.entries(await getMessages()).filter(([namespace]) => !serverOnly.has(namespace)));
  return (
    <html lang={await getLocale()}>
      <body>
        <NextIntlClientProvider messages={messages}>
          <TimeZoneSync />
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
