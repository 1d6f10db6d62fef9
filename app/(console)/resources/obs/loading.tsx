import { useTranslations } from "next-intl";
import { PageLoading } from "@/components/page-loading";

export default function Loading() {
  const t = useTranslations("resources");
  return <PageLoading label={t("obs.loading")} />;
}
