import type { ScopeKind } from "@/lib/scope";

/**
 * The words of a scope, in the reader's language: the `agencies` namespace's translator
 * (`useTranslations("agencies")` / `getTranslations("agencies")`) fits.
 */
export type ScopeWords = (key: `scope.${ScopeKind}` | "scope.withValues", values?: { kind: string; values: string }) => string;

export function describeScope(kind: ScopeKind, values: string[], projectNames: Map<string, string>, t: ScopeWords): string {
  if (kind === "regions") return t("scope.withValues", { kind: t("scope.regions"), values: values.join(", ") });
  if (kind === "projects") return t("scope.withValues", { kind: t("scope.projects"), values: values.map((v) => projectNames.get(v) ?? v).join(", ") });
  return t(`scope.${kind}`);
}
