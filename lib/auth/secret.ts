import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");

/** NEXTAUTH_SECRET when set; otherwise a random secret kept in .data/ so a fresh clone runs without setup. */
export function authSecret(): string {
  const configured = env().NEXTAUTH_SECRET;
  if (configured !== undefined) return configured;
  try {
    return readFileSync(SECRET_FILE, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, secret, { mode: 0o600, flag: "wx" });
    return readFileSync(SECRET_FILE, "utf8").trim();
  }
}
