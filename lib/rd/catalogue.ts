/** Trusted services of the resource directory, as SPEC.md lists them. */
export const trustedServiceCatalogue = [
  {
    principal: "config",
    name: "Config Audit",
    description: "Continuously audits resource configurations for compliance across accounts.",
    maxDelegatedAdmins: 5,
  },
  {
    principal: "cloudfw",
    name: "Cloud Firewall",
    description: "Centrally manages firewall policies for the accounts of the directory.",
    maxDelegatedAdmins: 3,
  },
  { principal: "actiontrail", name: "Action Trail", description: "Delivers the operation logs of every member account to one place.", maxDelegatedAdmins: 1 },
  { principal: "securitycenter", name: "Security Center", description: "Monitors threats and vulnerabilities of all member accounts.", maxDelegatedAdmins: 1 },
  { principal: "tag", name: "Tag Policy", description: "Enforces tagging rules on the resources of member accounts.", maxDelegatedAdmins: null },
  { principal: "resourcesharing", name: "Resource Sharing", description: "Shares resources among the accounts of the directory.", maxDelegatedAdmins: null },
] as const;
