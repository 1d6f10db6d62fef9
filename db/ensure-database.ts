/**
 * Creates the PostgreSQL database a DATABASE_URL names when it does not exist yet, so that the
 * README's command works on a fresh server, provided the role may create databases.
 */
import pg from "pg";

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Postgres error codes worth a sentence of their own. */
const MISSING_DATABASE = "3D000";
const NO_PRIVILEGE = "42501";

export const codeOf = (error: unknown): string | undefined => {
  for (let e: unknown = error; typeof e === "object" && e !== null; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
};

export const isMissingDatabase = (error: unknown) => codeOf(error) === MISSING_DATABASE;

/** Where a URL points, for messages (never the password). */
export function describeUrl(url: string): { database: string; role: string; server: string } {
  const parsed = new URL(url);
  return {
    database: decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || "postgres",
    role: decodeURIComponent(parsed.username) || process.env.PGUSER || "the current user",
    server: `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`,
  };
}

export async function createDatabase(url: string): Promise<void> {
  const { database, role } = describeUrl(url);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`create database ${quoteIdent(database)}`);
  } catch (error) {
    // Another server may have created it at the same moment.
    if (codeOf(error) === "42P04") return;
    if (codeOf(error) === NO_PRIVILEGE) {
      throw new Error(
        `Database "${database}" does not exist, and role "${role}" may not create it. Create it (createdb ${database}) or grant the role CREATEDB.`,
      );
    }
    throw error;
  } finally {
    await client.end();
  }
}
