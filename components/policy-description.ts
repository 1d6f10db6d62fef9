/** Looks a key up in the `domain` namespace, and says whether it is there (next-intl's translator fits). */
export interface DomainWords {
  (key: string): string;
  has(key: string): boolean;
}

/**
 * A policy's description in the reader's language: the system catalogue's are in the catalogues
 * (`domain.systemPolicies`, by name); a custom policy's is its author's own text, shown as written.
 */
export function policyDescription(t: DomainWords, policy: { kind: string; name: string; description: string }): string {
  const key = `systemPolicies.${policy.name}`;
  return policy.kind !== "custom" && t.has(key) ? t(key) : policy.description;
}
