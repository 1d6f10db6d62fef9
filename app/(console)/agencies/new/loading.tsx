import { useTranslations } from "next-intl";
import { PageLoading } from "@/components/page-loading";

export default function Loading() {
  const t = useTranslations("agencies");
  return <PageLoading label={t("loadingForm")} />;
}
