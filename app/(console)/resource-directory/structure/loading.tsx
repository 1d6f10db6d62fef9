import { useTranslations } from "next-intl";
import { PageLoading } from "@/components/page-loading";

export default function Loading() {
  const t = useTranslations("rd");
  return <PageLoading label={t("structure.loading")} />;
}
