import { env } from "@/lib/env";
import { persistedSecret } from "@/lib/secret-file";

/** NEXTAUTH_SECRET when set; otherwise a random secret kept in .data/ so a fresh clone runs without setup. */
export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? persistedSecret("auth-secret");
}
