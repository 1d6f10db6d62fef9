// Generates a migration with drizzle-kit, then drops the "public". qualifiers it writes into
// foreign keys, so that migrations apply in whichever schema the connection's search_path names.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

execFileSync("npx", ["drizzle-kit", "generate", ...process.argv.slice(2)], { stdio: "inherit" });
const dir = "db/migrations";
for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql"))) {
  const sql = readFileSync(`${dir}/${file}`, "utf8");
  const unqualified = sql.replaceAll('"public".', "");
  if (unqualified !== sql) writeFileSync(`${dir}/${file}`, unqualified);
}
