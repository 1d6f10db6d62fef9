import { isNull } from "drizzle-orm";
import { users } from "@/db/schema";

/**
 * Rows of `users` that are IAM users. A federated user (signed in through an identity provider)
 * is none of them: it is never listed with them, given a password or access keys, or managed as one.
 */
export const isIamUser = isNull(users.providerId);
