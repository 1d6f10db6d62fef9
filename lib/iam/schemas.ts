import { z } from "zod";
import { phrase, term } from "@/lib/i18n/message";
import { parsePolicyDocument } from "@/lib/policy/document";
import { checkScope, scopeShape } from "@/lib/scope-input";
import { description, id, requiredText } from "@/lib/validation";

export const userName = requiredText("userName", 32).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, phrase("validation.iam.userNameCharacters"));

/** The second password field of a form, and the refusal when it differs from the first. */
export const confirmPassword = z.string({ error: phrase("validation.iam.confirmPassword") });
export const passwordsDiffer = { message: phrase("validation.iam.passwordsDiffer"), path: ["confirmPassword"] };

export const password = z
  .string({ error: phrase("validation.required", { field: term("validation.fields.password") }) })
  .min(8, phrase("validation.iam.passwordTooShort", { min: 8 }))
  .max(64, phrase("validation.tooLong", { field: term("validation.fields.password"), max: 64 }))
  .refine((p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length >= 2, phrase("validation.iam.passwordComplexity"));

export const createUserInput = z
  .object({
    name: userName,
    password,
    confirmPassword,
    description,
  })
  .refine((v) => v.password === v.confirmPassword, passwordsDiffer);

export const groupName = requiredText("userGroupName", 64).regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, phrase("validation.iam.groupNameCharacters"));

export const createGroupInput = z.object({ name: groupName, description });

export const membershipInput = z.object({ userId: id("user"), groupId: id("userGroup") });
export const userIdInput = z.object({ userId: id("user") });
export const groupIdInput = z.object({ groupId: id("userGroup") });
export const revokeGrantInput = z.object({ grantId: id("permission") });

export const grantInput = z.object({ groupId: id("userGroup"), policyId: id("policy"), ...scopeShape }).superRefine(checkScope);

export const policyName = requiredText("policyName", 64).regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, phrase("validation.iam.policyNameCharacters"));

/** The policy editor's JSON, parsed once: the message names the line and what was expected there. */
const policyDocument = z.string({ error: phrase("validation.required", { field: term("validation.fields.policyContent") }) }).transform((text, ctx) => {
  const parsed = parsePolicyDocument(text);
  if (parsed.ok) return parsed.document;
  ctx.addIssue({ code: "custom", message: parsed.error });
  return z.NEVER;
});

export const policyInput = z.object({ name: policyName, description, document: policyDocument });

export const updatePolicyInput = policyInput.extend({ policyId: id("policy") });

export const policyIdInput = z.object({ policyId: id("policy") });
