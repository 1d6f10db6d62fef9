import { z } from "zod";
import { checkScope, scopeShape } from "@/lib/scope-input";
import { description, id, requiredText } from "@/lib/validation";

const NAME_CHARS = "letters, digits, hyphens (-), underscores (_) and periods (.)";

export const userName = requiredText("User name", 32).regex(
  /^[A-Za-z][A-Za-z0-9_.-]*$/,
  `User name must start with a letter and contain only ${NAME_CHARS}.`,
);

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

export const grantInput = z
  .object({ groupId: id("user group"), policyId: id("policy"), ...scopeShape })
  .superRefine(checkScope);

export const policyName = requiredText("Policy name", 64).regex(
  /^[A-Za-z0-9][A-Za-z0-9 _.-]*$/,
  `Policy name must start with a letter or digit and contain only ${NAME_CHARS} and spaces.`,
);

export const policyInput = z.object({
  name: policyName,
  description,
  document: z.string({ error: "Policy content is required." }),
});
