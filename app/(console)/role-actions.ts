"use server";
import { z } from "zod";
import { action } from "@/app/_lib/action";
import { clearRoleCookie, setRoleCookie } from "@/app/_lib/role-cookie";
import { assumeRole, endOwnRoleSession } from "@/lib/roles/role-sessions";
import { switchRoleInput } from "@/lib/roles/schemas";

const none = z.object({});

export const switchRoleAction = action(
  switchRoleInput,
  async (input, { db, caller, loginId }) => {
    const { roleSessionId } = await assumeRole(db, caller, input, loginId);
    await setRoleCookie(roleSessionId);
  },
  { whenRoleEnded: "run", revalidate: ["/"], redirectTo: () => "/" },
);

export const switchBackAction = action(
  none,
  async (_input, { db, caller }) => {
    await endOwnRoleSession(db, caller, "switched_back");
    await clearRoleCookie();
  },
  { whenRoleEnded: "run", revalidate: ["/"], redirectTo: () => "/" },
);

/**
 * Ends any switched role before the client signs out; next-auth's sign-out then ends the sign-in
 * itself on the server (lib/auth/options.ts), so a copy of the cookie stops working too.
 */
export const signOutAction = action(
  none,
  async (_input, { db, caller }) => {
    await endOwnRoleSession(db, caller, "signed_out");
    await clearRoleCookie();
  },
  { whenRoleEnded: "run", success: () => "Signed out." },
);

export const dismissRoleNoticeAction = action(none, async () => clearRoleCookie(), { whenRoleEnded: "run", revalidate: ["/"], success: () => "Dismissed." });
