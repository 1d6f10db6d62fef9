"use server";
import { action } from "@/app/_lib/action";
import { createIdentityProvider, deleteIdentityProvider, setIdentityProviderEnabled, updateIdentityProvider } from "@/lib/federation/providers";

const paths = ["/iam/identity-providers"];

export const createIdentityProviderAction = action(createIdentityProvider, {
  revalidate: paths,
  redirectTo: (provider) => `/iam/identity-providers/${provider.id}`,
});

export const updateIdentityProviderAction = action(updateIdentityProvider, { revalidate: paths, success: (_, t) => t("iam.providers.toast.saved") });

export const setIdentityProviderEnabledAction = action(setIdentityProviderEnabled, {
  revalidate: paths,
  success: (result, t) => t(result.enabled ? "iam.providers.toast.enabled" : "iam.providers.toast.disabled", { name: result.name }),
});

export const deleteIdentityProviderAction = action(deleteIdentityProvider, { revalidate: paths, redirectTo: () => "/iam/identity-providers" });
