import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { authSecret } from "@/lib/auth/secret";

declare module "next-auth" {
  interface User {
    accountId: string;
    userId: string | null;
  }
  interface Session {
    accountId: string;
    userId: string | null;
    loginId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
    userId?: string | null;
    /** Identifies one sign-in; role sessions belong to it. */
    loginId?: string;
  }
}

const EIGHT_HOURS = 8 * 60 * 60;

/** The client address for throttling: the first X-Forwarded-For hop (set by Next's server or a proxy in front). */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.toString().split(",")[0]?.trim();
  return first || String(headers?.["x-real-ip"] ?? "unknown");
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      name: "Mandate",
      credentials: {
        account: { label: "Account name", type: "text" },
        user: { label: "IAM user name", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const principal = await verifyCredentials(await getDb(), credentials ?? {}, clientAddress(request?.headers));
        if (principal === null) return null;
        return { id: principal.userId ?? principal.accountId, ...principal };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user !== undefined) {
        token.accountId = user.accountId;
        token.userId = user.userId;
        token.loginId = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, accountId: token.accountId ?? "", userId: token.userId ?? null, loginId: token.loginId ?? "" };
    },
  },
};
