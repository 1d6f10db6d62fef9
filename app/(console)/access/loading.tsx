import { useTranslations } from "next-intl";
import { PageLoading } from "@/components/page-loading";

export default function Loading() {
  const t = useTranslations("access");
  return <PageLoading label={t("loading")} />;
}
