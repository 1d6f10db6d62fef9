import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { useWords } from "@/components/use-words";

/** A refusal (`denied`, the default), or a page that does not apply to this account, said neutrally. */
// `message` is the domain's: a phrase is put into the reader's language, plain text shown as it came.
export function AccessDenied({ message, denied = true }: { message: string; denied?: boolean }) {
  const t = useTranslations("nav");
  const text = useWords()(message);
  return denied ? (
    <Alert tone="error" title={t("accessDenied.title")}>
      {text}
    </Alert>
  ) : (
    <Alert tone="info" title={t("accessDenied.notAvailable")}>
      {text}
    </Alert>
  );
}
