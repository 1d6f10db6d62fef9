/** `npm run db:setup`: creates (when allowed), migrates and seeds the database, then exits. */
import { exitOnFailure, openDatabase } from "./index";

const handle = await exitOnFailure(openDatabase);
await handle.close();
console.log(`Database ready (${handle.kind}).`);
