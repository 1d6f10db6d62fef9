import Link from "next/link";
import { useTranslations } from "next-intl";

/** "Parent / Current" above a page title; the parent link is underlined so it is not told apart by colour alone. */
export function Breadcrumb({ parent, href, current }: { parent: string; href: string; current: string }) {
  const t = useTranslations("common");
  return (
    <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
      <Link href={href} className="text-blue-700 underline underline-offset-2">
        {parent}
      </Link>{" "}
      / <span aria-current="page">{current}</span>
    </nav>
  );
}
