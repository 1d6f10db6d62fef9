/**
 * Access-key secrets at rest: AES-256-GCM under the server's key. The key comes from
 * MANDATE_KEY_ENCRYPTION_KEY or, when unset, from a random key kept in .data/ (as the auth secret
 * is), so a fresh clone runs without setup. A ciphertext names its format, so the key can be rotated later.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { persistedSecret } from "@/lib/secret-file";

const FORMAT = "v1";

let cachedKey: Buffer | undefined;

function serverKey(): Buffer {
  if (cachedKey !== undefined) return cachedKey;
  const encoded = env().MANDATE_KEY_ENCRYPTION_KEY ?? persistedSecret("key-encryption-key");
  const key = Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error("The key-encryption key must be 32 bytes.");
  cachedKey = key;
  return key;
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", serverKey(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

/** The secret, or an Error when the ciphertext was not sealed with this server's key (or was altered). */
export function openSecret(sealed: string): string {
  const [format, iv, tag, body] = sealed.split(":");
  if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined) throw new Error("Unknown access-key ciphertext format.");
  const decipher = createDecipheriv("aes-256-gcm", serverKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
