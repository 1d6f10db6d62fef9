import type { ScopeKind } from "@/lib/scope";

export interface WizardValues {
  name: string;
  type: "account" | "service";
  delegatedAccount: string;
  service: string;
  validityKind: "unlimited" | "one_day" | "custom";
  validityDays: string;
  description: string;
  policyIds: string[];
  scopeKind: ScopeKind;
  regions: string[];
  projects: string[];
}

export const initialValues: WizardValues = {
  name: "",
  type: "account",
  delegatedAccount: "",
  service: "",
  validityKind: "unlimited",
  validityDays: "",
  description: "",
  policyIds: [],
  scopeKind: "all",
  regions: [],
  projects: [],
};

/** The fields each step owns, so that a refusal at OK can send the user back to the right step. */
export const stepFields: Record<1 | 2 | 3, string[]> = {
  1: ["name", "type", "delegatedAccount", "service", "validityKind", "validityDays", "description"],
  2: ["policyIds"],
  3: ["scopeKind", "regions", "projects"],
};

export function basicsOf(v: WizardValues): Record<string, string> {
  const basics: Record<string, string> = { name: v.name, type: v.type, validityKind: v.validityKind, description: v.description };
  if (v.type === "account") basics.delegatedAccount = v.delegatedAccount;
  else basics.service = v.service;
  if (v.validityKind === "custom") basics.validityDays = v.validityDays;
  return basics;
}
