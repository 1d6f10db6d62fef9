// The production server behind `npm start`: Next's request handler behind a plain HTTP server that
// records each request's socket address in a header of its own, overwriting anything the client
// sent, because Next keeps a client-supplied X-Forwarded-For as it is (lib/auth/client-address.ts).
import { createServer } from "node:http";
import next from "next";

const REMOTE_ADDRESS_HEADER = "x-mandate-remote-address";
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

createServer((request, response) => {
  request.headers[REMOTE_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
}).listen(port, () => {
  console.log(`Mandate is listening on http://localhost:${port}`);
});
