// Opens, migrates and seeds the database when the server starts rather than on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("@/db");
    await getDb();
  }
}
