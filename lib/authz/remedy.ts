/**
 * What a refused caller can ask for: the narrowest system policy that allows the action (fewest
 * console actions), so the refusal names a role or policy an administrator can grant.
 */
import { actionCatalogue } from "@/lib/authz/action-catalogue";
import { evaluate, type Grant } from "@/lib/authz/engine";
import { systemPolicies } from "@/lib/authz/system-policies";
import { type Phrase, term } from "@/lib/i18n/message";

const asGrant = (p: (typeof systemPolicies)[number]): Grant => ({ policyName: p.name, document: p.document, scope: { kind: "all" }, source: "" });
const allows = (grant: Grant, action: string) => evaluate([grant], { action, resource: "*", anyScope: true }).allowed;

// Computed once: how much each system policy opens.
let breadth: { name: string; grant: Grant; opens: number }[] | undefined;

export function narrowestPolicyFor(action: string): string | null {
  breadth ??= systemPolicies
    .map((p) => {
      const grant = asGrant(p);
      return { name: p.name, grant, opens: actionCatalogue.filter((a) => allows(grant, a)).length };
    })
    .sort((a, b) => a.opens - b.opens);
  return breadth.find((p) => allows(p.grant, action))?.name ?? null;
}

/** The sentence a refusal ends with: who to ask, and for what. */
export function remedyFor(accountName: string, action: string): Phrase {
  const policy = narrowestPolicyFor(action);
  return policy === null ? term("errors.remedy.any", { account: accountName }) : term("errors.remedy.policy", { account: accountName, policy, action });
}
