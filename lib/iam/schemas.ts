import { z } from "zod";
import { parsePolicyDocument } from "@/lib/policy/document";
import { checkScope, scopeShape } from "@/lib/scope-input";
import { description, id, requiredText } from "@/lib/validation";

const NAME_CHARS = "letters, digits, hyphens (-), underscores (_) and periods (.)";

export const userName = requiredText("User name", 32).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, `User name must start with a letter and contain only ${NAME_CHARS}.`);

export const password = z
  .string({ error: "Password is required." })
  .min(8, "Password must be at least 8 characters.")
  .max(64, "Password must be at most 64 characters.")
  .refine(
    (p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length >= 2,
    "Password must contain at least two of: uppercase letters, lowercase letters, digits, special characters.",
  );

export const createUserInput = z
  .object({
    name: userName,
    password,
    confirmPassword: z.string({ error: "Confirm the password." }),
    description,
  })
  .refine((v) => v.password === v.confirmPassword, { message: "The passwords do not match.", path: ["confirmPassword"] });

export const groupName = requiredText("User group name", 64).regex(
  /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/,
  `User group name must start with a letter or digit and contain only ${NAME_CHARS} and spaces.`,
);

export const createGroupInput = z.object({ name: groupName, description });

export const membershipInput = z.object({ userId: id("user"), groupId: id("user group") });
export const userIdInput = z.object({ userId: id("user") });
export const groupIdInput = z.object({ groupId: id("user group") });
export const revokeGrantInput = z.object({ grantId: id("permission") });

export const grantInput = z.object({ groupId: id("user group"), policyId: id("policy"), ...scopeShape }).superRefine(checkScope);

export const policyName = requiredText("Policy name", 64).regex(
  /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/,
  `Policy name must start with a letter or digit and contain only ${NAME_CHARS} and spaces.`,
);

/** The policy editor's JSON, parsed once: the message names the line and what was expected there. */
const policyDocument = z.string({ error: "Policy content is required." }).transform((text, ctx) => {
  const parsed = parsePolicyDocument(text);
  if (parsed.ok) return parsed.document;
  ctx.addIssue({ code: "custom", message: parsed.error });
  return z.NEVER;
});

export const policyInput = z.object({ name: policyName, description, document: policyDocument });

export const updatePolicyInput = policyInput.extend({ policyId: id("policy") });

export const policyIdInput = z.object({ policyId: id("policy") });
