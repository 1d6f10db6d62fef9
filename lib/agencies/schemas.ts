import { pageParams, searchParam } from "@/lib/keyset";
import { z } from "zod";
import { agencyTypes, validityKinds } from "@/db/schema";
import { AGENCY_PAGE_SIZE, cloudServices, MAX_CUSTOM_DAYS } from "@/lib/agencies/options";
import { phrase } from "@/lib/i18n/message";
import { checkScope, scopeShape } from "@/lib/scope-input";
import { decimalInteger, description, hasControlCharacters, id, listOf, requiredText } from "@/lib/validation";

export const agencyName = requiredText("agencyName", 64).regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, phrase("validation.agency.nameCharacters"));

const daysRange = phrase("validation.daysRange", { max: MAX_CUSTOM_DAYS });

const validityShape = {
  validityKind: z.enum(validityKinds, { error: phrase("validation.agency.selectValidity") }),
  validityDays: z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), decimalInteger(daysRange).optional()),
};

function checkValidity(v: { validityKind: string; validityDays?: number | undefined }, ctx: z.RefinementCtx) {
  if (v.validityKind !== "custom") return;
  const days = v.validityDays;
  if (days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_CUSTOM_DAYS) {
    ctx.addIssue({ code: "custom", path: ["validityDays"], message: daysRange });
  }
}

const serviceIds: readonly string[] = cloudServices.map((s) => s.id);

const basicsShape = {
  name: agencyName,
  type: z.enum(agencyTypes, { error: phrase("validation.agency.selectType") }),
  delegatedAccount: z.string().trim().max(200).optional(),
  service: z.string().optional(),
  ...validityShape,
  description,
};

function checkDelegatedAccount(name: string, ctx: z.RefinementCtx) {
  const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["delegatedAccount"], message });
  if (name === "") issue(phrase("validation.agency.delegatedAccountRequired"));
  else if (/[/@:\\]/.test(name)) issue(phrase("validation.agency.delegatedNotAccount"));
  else if (!/^[A-Za-z0-9_-]{3,64}$/.test(name)) issue(phrase("validation.agency.delegatedAccountName"));
}

function checkBasics(
  v: { type: string; delegatedAccount?: string | undefined; service?: string | undefined; validityKind: string; validityDays?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.type === "account") {
    checkDelegatedAccount(v.delegatedAccount ?? "", ctx);
  } else if (!serviceIds.includes(v.service ?? "")) {
    ctx.addIssue({ code: "custom", path: ["service"], message: phrase("validation.agency.selectService") });
  }
  checkValidity(v, ctx);
}

/** Step 1 of the wizard: Agency Name, Agency Type with its delegated party, Validity Period, Description. */
export const agencyBasicsInput = z.object(basicsShape).superRefine(checkBasics);

const MAX_POLICIES = 50;
const policyIds = listOf(id("policyOrRole")).pipe(
  z
    .array(z.string())
    .min(1, phrase("validation.agency.atLeastOnePolicy"))
    .max(MAX_POLICIES, phrase("validation.agency.atMostPolicies", { max: MAX_POLICIES })),
);

/** The whole wizard, as one flat form so that each message lands at its field. */
export const createAgencyInput = z.object({ ...basicsShape, policyIds, ...scopeShape }).superRefine((v, ctx) => {
  checkBasics(v, ctx);
  checkScope(v, ctx);
});

/** Edit: description and validity; the API may also move an account agency to another delegated account. */
export const updateAgencyInput = z
  .object({ agencyId: id("agency"), ...validityShape, description, delegatedAccount: z.string().trim().max(200).optional() })
  .superRefine((v, ctx) => {
    checkValidity(v, ctx);
    if (v.delegatedAccount !== undefined) checkDelegatedAccount(v.delegatedAccount, ctx);
  });

export const agencyPermissionInput = z.object({ agencyId: id("agency"), policyIds, ...scopeShape }).superRefine(checkScope);

export const deleteAgencyInput = z.object({ agencyId: id("agency") });
export const deleteAgenciesInput = z.object({
  agencyIds: listOf(id("agency")).pipe(
    z
      .array(z.string())
      .min(1, phrase("validation.agency.atLeastOneAgency"))
      .max(AGENCY_PAGE_SIZE, phrase("validation.agency.atMostAgencies", { max: AGENCY_PAGE_SIZE })),
  ),
});

/** One role granted or revoked in one place: the domain (global), a region, or everywhere (all). */
export const agencyRoleInput = z
  .object({
    agencyId: id("agency"),
    policyId: id("policyOrRole"),
    scopeKind: z.enum(["global", "regions", "all"], { error: phrase("validation.agency.selectRoleScope") }),
    region: z
      .string()
      .max(64, phrase("validation.scopeChoice.regionFromList"))
      .refine((v) => !hasControlCharacters(v), phrase("validation.scopeChoice.regionFromList"))
      .optional(),
    change: z.enum(["grant", "revoke"]),
  })
  .refine((v) => v.scopeKind !== "regions" || v.region !== undefined, { path: ["region"], message: phrase("validation.scopeChoice.region") });

export const removeAgencyPermissionInput = z.object({ agencyId: id("agency"), permissionId: id("permission") });

export const agencyListQuery = z.object({
  q: searchParam,
  ...pageParams,
  // Filters and order come from links and selects: anything else falls back to the default.
  type: z.enum(["all", "account", "service"]).catch("all"),
  status: z.enum(["all", "active", "expiring", "expired"]).catch("all"),
  sort: z.enum(["created", "name", "expiry"]).catch("created"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
});
