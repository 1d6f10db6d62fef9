import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const envSchema = z.object({
  DATABASE_URL: z.preprocess(blankToUndefined, z.url().optional()),
  /** Postgres schema to use (tests isolate themselves in a fresh one). */
  DATABASE_SCHEMA: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .optional(),
  ),
  /** Connections each server keeps open to PostgreSQL. */
  MANDATE_DB_POOL_SIZE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[1-9]\d{0,2}$/, "MANDATE_DB_POOL_SIZE must be a whole number of connections, 1 to 999.")
      .default("10")
      .transform(Number),
  ),
  MANDATE_DATA_DIR: z.preprocess(blankToUndefined, z.string().default(".data/pglite")),
  MANDATE_DEMO: z.preprocess(blankToUndefined, z.enum(["on", "off"]).default("on")),
  /** How many reverse proxies in front of the console append to X-Forwarded-For; 0 trusts only the socket. */
  MANDATE_TRUSTED_PROXIES: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,2}$/, "MANDATE_TRUSTED_PROXIES must be a whole number of proxy hops, 0 to 99.")
      .default("0")
      .transform(Number),
  ),
  NEXTAUTH_SECRET: z.preprocess(blankToUndefined, z.string().min(32).optional()),
  /** 32 bytes, base64 or base64url: the key access-key secrets are encrypted with (generated into .data/ when unset). */
  MANDATE_KEY_ENCRYPTION_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9+/_-]{43}=?$/, "MANDATE_KEY_ENCRYPTION_KEY must be 32 bytes in base64 (43 or 44 characters).")
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated settings; throws an Error naming every bad variable. */
export function env(): Env {
  if (cached !== undefined) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid settings: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
