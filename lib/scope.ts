/** Kinds of authorization scope a grant can have (kept free of imports: client forms use it too). */
export const scopeKinds = ["all", "global", "regions", "projects"] as const;
export type ScopeKind = (typeof scopeKinds)[number];

/** The console's names of the scope kinds, as Huawei IAM shows them. */
export const scopeLabels: Record<ScopeKind, string> = {
  all: "All resources",
  global: "Global services",
  regions: "Region-specific projects",
  projects: "Enterprise projects",
};
