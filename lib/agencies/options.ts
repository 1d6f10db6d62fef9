/** Choices of the Create Agency wizard (free of imports: client forms use them too). */
// Their names are the catalogue's (agencies.services.*).
export const cloudServices = [{ id: "ECS" }, { id: "OBS" }, { id: "CTS" }, { id: "Config Audit" }] as const;

export const MAX_CUSTOM_DAYS = 365;

export const validityChoices = ["unlimited", "one_day", "custom"] as const;

export const AGENCY_PAGE_SIZE = 20;
