/** Choices of the Create Agency wizard (free of imports: client forms use them too). */
export const cloudServices = [
  { id: "ECS", description: "Elastic Cloud Server" },
  { id: "OBS", description: "Object Storage Service" },
  { id: "CTS", description: "Cloud Trace Service" },
  { id: "Config Audit", description: "Config: resource compliance and audit" },
] as const;

export const MAX_CUSTOM_DAYS = 365;

export const validityLabels = { unlimited: "Unlimited", one_day: "One day", custom: "Custom" } as const;

export const SECURITY_ADMINISTRATOR_WARNING =
  "You can assign the Security Administrator role to the agency, but we do not recommend you to do so. For account security purposes, only grant the required permissions to the agency based on the principle of least privilege (PoLP).";

export const AGENCY_PAGE_SIZE = 20;
