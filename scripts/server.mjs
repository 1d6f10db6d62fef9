// The production server behind `npm start`: Next's request handler behind a plain HTTP server that
// records each request's socket address in a header of its own, overwriting anything the client
// sent, because Next keeps a client-supplied X-Forwarded-For as it is (lib/auth/client-address.ts).
// On SIGTERM (or SIGINT) it drains: no new connections, /api/health answers 503 so a load balancer
// moves on, requests in flight finish, then the database is closed and the process exits.
import { createServer } from "node:http";
import next from "next";

const REMOTE_ADDRESS_HEADER = "x-mandate-remote-address";
// Longer than any request the console serves; a load balancer's own drain timeout should exceed it.
const drainSeconds = (process.env.MANDATE_DRAIN_SECONDS ?? "").trim() || "25";
// A setting that is not a whole number of seconds from 1 to 3600 stops the start, not the drain.
if (!/^\d+$/.test(drainSeconds) || Number(drainSeconds) < 1 || Number(drainSeconds) > 3600) {
  console.error(`MANDATE_DRAIN_SECONDS must be a whole number of seconds from 1 to 3600 (it is "${drainSeconds}").`);
  process.exit(1);
}
const DRAIN_LIMIT_MS = Number(drainSeconds) * 1000;
process.env.MANDATE_OWN_SERVER = "1";
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const port = Number(process.env.PORT ?? 3000);
// Like `next start`: every interface. (HOSTNAME is not used: shells and containers set it to the machine's name.)
const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();

try {
  await app.prepare();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

let draining = false;

const server = createServer((request, response) => {
  request.headers[REMOTE_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  if (draining) {
    // A kept-alive connection may still bring a request: serve it, then let the connection go.
    response.setHeader("connection", "close");
    if (request.url?.split("?")[0] === "/api/health") {
      response.writeHead(503, { "content-type": "application/json", "cache-control": "no-store" }).end('{"status":"unavailable"}');
      return;
    }
  }
  // Once draining, a connection whose last request just ended is idle: close it now rather than at its keep-alive timeout.
  response.on("finish", () => draining && setImmediate(() => server.closeIdleConnections()));
  void handle(request, response);
}).listen(port, () => {
  console.log(`Mandate is listening on http://localhost:${port}`);
});

/** The database the app opened (db/index.ts keeps it on globalThis), closed so nothing is left half-written. */
async function closeDatabase() {
  const opened = globalThis.mandateDb;
  if (opened === undefined) return;
  try {
    await (await opened).close();
  } catch {}
}

function drain(signal) {
  if (draining) return;
  draining = true;
  console.log(`${signal}: finishing the requests in flight, then stopping.`);
  const limit = setTimeout(async () => {
    console.error(`Requests still in flight after ${DRAIN_LIMIT_MS / 1000} s; stopping anyway.`);
    await closeDatabase();
    process.exit(1);
  }, DRAIN_LIMIT_MS);
  server.close(async () => {
    clearTimeout(limit);
    await closeDatabase();
    console.log("Stopped.");
    process.exit(0);
  });
  server.closeIdleConnections();
}

process.on("SIGTERM", () => drain("SIGTERM"));
process.on("SIGINT", () => drain("SIGINT"));
