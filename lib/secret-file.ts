import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A random 32-byte secret (base64url) kept in `.data/<name>` and made on first use, so a fresh clone
 * runs without setup. "wx": servers starting together all keep the one written first.
 */
export function persistedSecret(name: string): string {
  const file = path.join(process.cwd(), ".data", name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch {}
    return readFileSync(file, "utf8").trim();
  }
}
