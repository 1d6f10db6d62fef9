/** Where an identity provider sends a person back after sign-in: the redirect URL to register with it. */
export const FEDERATION_CALLBACK_PATH = "/api/federation/callback";
