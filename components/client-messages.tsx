import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type Section, sectionParts } from "@/messages/client-parts";
import { pickMessages } from "@/messages/pick";

/** Gives the client components below it only these parts of the reader's catalogue (messages/client-parts.ts). */
export async function ClientMessages({ parts, children }: { parts: readonly string[]; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), parts)}>{children}</NextIntlClientProvider>;
}

/** A console section's pages get their section's parts of the catalogue (its layout renders this). */
export function SectionMessages({ section, children }: { section: Section; children: ReactNode }) {
  return <ClientMessages parts={sectionParts[section]}>{children}</ClientMessages>;
}
