/** The system catalogue: roles and fine-grained system policies every account can grant. */
import type { PolicyDocument } from "@/lib/policy/document";

export interface SystemPolicy {
  name: string;
  kind: "system_role" | "system_policy";
  description: string;
  document: PolicyDocument;
}

const allow = (...actions: string[]): PolicyDocument => ({
  Version: "1.1",
  Statement: [{ Effect: "Allow", Action: actions }],
});

export const SECURITY_ADMINISTRATOR = "Security Administrator";

export const systemPolicies: readonly SystemPolicy[] = [
  {
    name: "Tenant Administrator",
    kind: "system_role",
    description: "Full permissions for all services except IAM.",
    // NotAction rather than an explicit Deny, so that combining it with Security Administrator grants IAM too.
    document: { Version: "1.1", Statement: [{ Effect: "Allow", NotAction: ["iam:*"] }] },
  },
  {
    name: "Tenant Guest",
    kind: "system_role",
    description: "Read-only permissions for all services except IAM.",
    document: allow("ecs:*:get*", "ecs:*:list*", "obs:*:get*", "obs:*:list*", "resourcemanager:Get*", "resourcemanager:List*"),
  },
  {
    name: SECURITY_ADMINISTRATOR,
    kind: "system_role",
    description: "Full permissions for IAM, including users, groups, policies and agencies.",
    document: allow("iam:*"),
  },
  {
    name: "Agent Operator",
    kind: "system_role",
    description: "Switch roles into accounts that delegated permissions through agencies, and list agencies.",
    document: allow("iam:agencies:assume", "iam:agencies:list", "iam:agencies:get"),
  },
  {
    name: "IAM ReadOnlyAccess",
    kind: "system_policy",
    description: "Read-only permissions for IAM.",
    document: allow("iam:*:get*", "iam:*:list*"),
  },
  {
    name: "ResourceManager FullAccess",
    kind: "system_policy",
    description: "Full permissions for the resource directory and trusted services.",
    document: allow("resourcemanager:*"),
  },
  {
    name: "ECS FullAccess",
    kind: "system_policy",
    description: "Full permissions for Elastic Cloud Server.",
    document: allow("ecs:*:*"),
  },
  {
    name: "ECS ReadOnlyAccess",
    kind: "system_policy",
    description: "Read-only permissions for Elastic Cloud Server.",
    document: allow("ecs:*:get*", "ecs:*:list*"),
  },
  {
    name: "OBS FullAccess",
    kind: "system_policy",
    description: "Full permissions for Object Storage Service.",
    document: allow("obs:*:*"),
  },
  {
    name: "OBS ReadOnlyAccess",
    kind: "system_policy",
    description: "Read-only permissions for Object Storage Service.",
    document: allow("obs:*:get*", "obs:*:list*"),
  },
];
