import { useTranslations } from "next-intl";
import { PageLoading } from "@/components/page-loading";

export default function Loading() {
  const t = useTranslations("account.sessions");
  return <PageLoading label={t("loading")} />;
}
