/** Looks a key up in the `domain` namespace, and says whether it is there (next-intl's translator fits). */
export interface DomainWords {
  (key: string): string;
  has(key: string): boolean;
}

/** What the catalogue says for `key`, or the stored text when it has nothing for it. */
const catalogueOr = (t: DomainWords, key: string, stored: string): string => (t.has(key) ? t(key) : stored);

/**
 * A policy's description in the reader's language: the system catalogue's are in the catalogues
 * (`domain.systemPolicies`, by name); a custom policy's is its author's own text, shown as written.
 */
export function policyDescription(t: DomainWords, policy: { kind: string; name: string; description: string }): string {
  return policy.kind === "custom" ? policy.description : catalogueOr(t, `systemPolicies.${policy.name}`, policy.description);
}

/** A trusted service's description in the reader's language (`domain.services`, by principal). */
export function serviceDescription(t: DomainWords, service: { principal: string; description: string }): string {
  return catalogueOr(t, `services.${service.principal}`, service.description);
}
