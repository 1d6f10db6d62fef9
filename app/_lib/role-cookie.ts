import "server-only";
import { cookies } from "next/headers";
import { ROLE_COOKIE, ROLE_NOTICE_COOKIE } from "@/app/_lib/session";
import { LOGIN_MAX_AGE_MS } from "@/lib/roles/role-sessions";

/** The flags of the console's own cookies: Secure (as next-auth decides it) when the console's URL is https. */
export const cookieFlags = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
});

export async function setRoleCookie(roleSessionId: string): Promise<void> {
  const jar = await cookies();
  jar.set(ROLE_COOKIE, roleSessionId, { ...cookieFlags(), maxAge: LOGIN_MAX_AGE_MS / 1000 });
  jar.delete(ROLE_NOTICE_COOKIE);
}

/** Leaves the role; with a notice, the console tells why until it is dismissed. */
export async function clearRoleCookie(notice?: string): Promise<void> {
  const jar = await cookies();
  jar.delete(ROLE_COOKIE);
  if (notice === undefined) jar.delete(ROLE_NOTICE_COOKIE);
  else jar.set(ROLE_NOTICE_COOKIE, notice, { ...cookieFlags(), maxAge: 60 * 60 });
}
