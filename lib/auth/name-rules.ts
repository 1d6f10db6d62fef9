/**
 * The character rules names are created with (SPEC for accounts, lib/iam/schemas.ts for users),
 * applied to what is typed at sign-in. Imports nothing but the phrase maker: the sign-in form uses
 * them too, and puts the rules into words with the catalogue's `validation.names`.
 */
import { phrase } from "@/lib/i18n/message";

export const ACCOUNT_NAME = /^[A-Za-z0-9_-]{3,64}$/;
export const USER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;

/** Phrases (lib/i18n/message.ts), not sentences. */
export const ACCOUNT_NAME_RULE = phrase("validation.names.account");
export const USER_NAME_RULE = phrase("validation.names.iamUser");
