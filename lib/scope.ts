/** Kinds of authorization scope a grant can have (kept free of imports: client forms use it too). */
export const scopeKinds = ["all", "global", "regions", "projects"] as const;
export type ScopeKind = (typeof scopeKinds)[number];
