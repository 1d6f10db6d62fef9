/** `npm run db:setup`: applies migrations and seeds, then exits. */
import { openDatabase } from "./index";

const handle = await openDatabase();
await handle.close();
console.log(`Database ready (${handle.kind}).`);
