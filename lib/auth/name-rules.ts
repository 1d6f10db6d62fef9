/**
 * The character rules names are created with (SPEC for accounts, lib/iam/schemas.ts for users),
 * applied to what is typed at sign-in. Free of imports: the sign-in form uses them too.
 */
export const ACCOUNT_NAME = /^[A-Za-z0-9_-]{3,64}$/;
export const USER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;

export const ACCOUNT_NAME_RULE = "An account name has 3–64 letters, digits, hyphens (-) and underscores (_).";
export const USER_NAME_RULE = "An IAM user name has up to 32 letters, digits, hyphens (-), underscores (_) and periods (.), starting with a letter.";
