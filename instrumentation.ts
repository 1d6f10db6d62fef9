// Opens, migrates and seeds the database when the server starts rather than on the first request;
// when that fails the process exits with the reason instead of answering every page with an error.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnFailure, getDb } = await import("@/db");
    await exitOnFailure(getDb);
  }
}
