// Apart from reach.ts because it throws a DomainError: the forms import reach.ts into the browser,
// and DomainError brings the error catalogue and the authorization engine with it.
import { DomainError } from "@/lib/errors";
import type { PolicyDocument } from "@/lib/policy/document";
import { fitScopes, policyReach } from "@/lib/policy/reach";
import type { ScopeKind } from "@/lib/scope";

/** `fitScopes` for a change: each policy with the scope kind and values it is granted in, or a refusal at the scope field. */
export function fittedScopes<P extends { name: string; document: unknown }>(policies: P[], kind: ScopeKind, values: string[]) {
  const fit = fitScopes(
    policies.map((p) => ({ ...p, reach: policyReach(p.document as PolicyDocument) })),
    kind,
  );
  if (!fit.ok) throw new DomainError("scope.does_not_fit", { field: "scopeKind", message: fit.message });
  return fit.scopes.map(({ policy, kind: fitted }) => ({ policy: policy as P, scopeKind: fitted, scopeValues: fitted === kind ? values : [] }));
}
