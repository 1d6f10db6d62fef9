"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, action } from "@/app/_lib/action";
import { requestLanguage } from "@/app/_lib/i18n/language";
import { translatorFor } from "@/app/_lib/i18n/translate";
import { clearRoleCookie, setRoleCookie } from "@/app/_lib/role-cookie";
import { resolveRequest } from "@/app/_lib/session";
import { pinRole, unpinRole } from "@/lib/roles/favourites";
import { assumeRole, endOwnRoleSession } from "@/lib/roles/role-sessions";

export const switchRoleAction = action(assumeRole, {
  whenRoleEnded: "run",
  after: ({ roleSessionId }) => setRoleCookie(roleSessionId),
  revalidate: ["/"],
  redirectTo: () => "/",
});

export const switchBackAction = action(endOwnRoleSession, {
  fixed: { reason: "switched_back" },
  whenRoleEnded: "run",
  after: () => clearRoleCookie(),
  revalidate: ["/"],
  redirectTo: () => "/",
});

export const pinRoleAction = action(pinRole, {
  whenRoleEnded: "run",
  revalidate: ["/"],
  success: ({ displayName }, t) => t("roles.toast.pinned", { name: displayName }),
});

export const unpinRoleAction = action(unpinRole, {
  whenRoleEnded: "run",
  revalidate: ["/"],
  success: ({ displayName }, t) => t("roles.toast.unpinned", { name: displayName }),
});

/**
 * Ends any switched role before the client signs out; next-auth's sign-out then ends the sign-in
 * itself on the server (lib/auth/options.ts), so a copy of the cookie stops working too.
 */
export const signOutAction = action(endOwnRoleSession, {
  fixed: { reason: "signed_out" },
  whenRoleEnded: "run",
  after: () => clearRoleCookie(),
  success: (_, t) => t("roles.toast.signedOut"),
});

/** Only the browser's note that a role ended: nothing on the server changes. */
export async function dismissRoleNoticeAction(_previous: ActionState, _formData: FormData): Promise<ActionState> {
  if ((await resolveRequest()) === null) redirect("/sign-in");
  await clearRoleCookie();
  revalidatePath("/", "layout");
  const t = translatorFor(await requestLanguage());
  return { ok: true, message: t("roles.toast.dismissed"), values: {} };
}
