import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const envSchema = z.object({
  DATABASE_URL: z.preprocess(blankToUndefined, z.url().optional()),
  /** Postgres schema to use (tests isolate themselves in a fresh one). */
  DATABASE_SCHEMA: z.preprocess(blankToUndefined, z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional()),
  MANDATE_DATA_DIR: z.preprocess(blankToUndefined, z.string().default(".data/pglite")),
  MANDATE_DEMO: z.preprocess(blankToUndefined, z.enum(["on", "off"]).default("on")),
  NEXTAUTH_SECRET: z.preprocess(blankToUndefined, z.string().min(32).optional()),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}
