/**
 * A loopback HTTP server in front of an API handler (the route's own handler; only Next's router is
 * left out), keeping the last raw request so a test can replay or alter it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface RawRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoopbackAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function startLoopback(handle: (raw: RawRequest) => Promise<LoopbackAnswer>) {
  let last: RawRequest | null = null;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
      last = { method: req.method ?? "GET", path: url.pathname, search: url.search.replace(/^\?/, ""), headers, body };
      const answer = await handle(last);
      const empty = answer.status === 204 || req.method === "HEAD";
      res.writeHead(answer.status, { ...answer.headers, ...(empty ? {} : { "content-type": "application/json" }) });
      res.end(empty ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    lastRequest: () => last!,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
