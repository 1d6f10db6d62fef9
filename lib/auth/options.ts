import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { headerValue, requestAddress } from "@/lib/auth/client-address";
import { verifyCredentials } from "@/lib/auth/credentials";
import { authSecret } from "@/lib/auth/secret";
import { signOut } from "@/lib/auth/sign-in-management";
import { SIGN_IN_MAX_AGE_MS, startSignIn } from "@/lib/auth/sign-ins";
import { env } from "@/lib/env";

declare module "next-auth" {
  interface User {
    accountId: string;
    userId: string | null;
    loginId: string;
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
    /** The server-side sign-in (sign_ins row) this cookie stands for; role sessions belong to it. */
    loginId?: string;
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SIGN_IN_MAX_AGE_MS / 1000 },
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
        const db = await getDb();
        const address = requestAddress(request?.headers, env().MANDATE_TRUSTED_PROXIES);
        const principal = await verifyCredentials(db, credentials ?? {}, { address });
        if (principal === null) return null;
        const loginId = await startSignIn(db, principal, { address, userAgent: headerValue(request?.headers, "user-agent") ?? "" });
        return { id: principal.userId ?? principal.accountId, ...principal, loginId };
      },
    }),
  ],
  events: {
    // next-auth awaits this before it clears the cookie: the server-side sign-in ends first.
    async signOut({ token }) {
      if (token?.accountId && token.loginId) await signOut(await getDb(), { accountId: token.accountId, userId: token.userId ?? null }, token.loginId);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user !== undefined) {
        token.accountId = user.accountId;
        token.userId = user.userId;
        token.loginId = user.loginId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, accountId: token.accountId ?? "", userId: token.userId ?? null, loginId: token.loginId ?? "" };
    },
  },
};
