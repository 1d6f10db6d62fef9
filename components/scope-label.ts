import { type ScopeKind, scopeLabels } from "@/lib/scope";

export { scopeLabels };

export function describeScope(kind: ScopeKind, values: string[], projectNames: Map<string, string>): string {
  if (kind === "regions") return `${scopeLabels.regions}: ${values.join(", ")}`;
  if (kind === "projects") return `${scopeLabels.projects}: ${values.map((v) => projectNames.get(v) ?? v).join(", ")}`;
  return scopeLabels[kind];
}
