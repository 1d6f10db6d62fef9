import type { Language } from "@/lib/i18n/languages";
import type { Messages } from "@/messages/catalogue";

declare module "next-intl" {
  interface AppConfig {
    Locale: Language;
    Messages: Messages;
  }
}
