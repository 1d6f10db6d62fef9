import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/page-header";

/** A missing (or another account's) item inside the console: the console chrome stays, with a way back. */
export default function ConsoleNotFound() {
  const t = useTranslations("common.notFound");
  return (
    <>
      <PageHeader title={t("title")} description={t("text")} />
      <Link href="/" className="text-sm text-blue-700 hover:underline">
        {t("back")}
      </Link>
    </>
  );
}
