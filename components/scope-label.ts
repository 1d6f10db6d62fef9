import type { ScopeKind } from "@/lib/scope";

export const scopeLabels: Record<ScopeKind, string> = {
  all: "All resources",
  global: "Global services",
  regions: "Region-specific projects",
  projects: "Enterprise projects",
};

export function describeScope(kind: ScopeKind, values: string[], projectNames: Map<string, string>): string {
  if (kind === "regions") return `${scopeLabels.regions}: ${values.join(", ")}`;
  if (kind === "projects") return `${scopeLabels.projects}: ${values.map((v) => projectNames.get(v) ?? v).join(", ")}`;
  return scopeLabels[kind];
}
