/**
 * The official Alibaba Cloud SDK pointed at Mandate's API handler, served on a loopback port
 * (the handler is the route's own; only Next's router is left out), with the last raw request kept
 * so a test can replay it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as OpenApi from "@alicloud/openapi-core";
import * as RM from "@alicloud/resourcemanager20200331";
import type { Db } from "@/db/client";
import { type AcsHttpRequest, handleAcsRequest } from "@/lib/api/acs-request";

export interface RawRequest {
  search: string;
  headers: Record<string, string>;
  body: string;
}

export async function startAcsServer(db: Db) {
  let last: RawRequest | null = null;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
      last = { search: url.search.replace(/^\?/, ""), headers, body };
      const answer = await send(db, last);
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  /** `signature: "v2"` signs with HMAC-SHA1 in the query (the SDK's `signatureAlgorithm: "v2"`); V3 is its default. */
  const client = (accessKeyId: string, accessKeySecret: string, signature: "v3" | "v2" = "v3") =>
    new RM.default(
      new OpenApi.$OpenApiUtil.Config({
        accessKeyId,
        accessKeySecret,
        endpoint: `127.0.0.1:${port}`,
        protocol: "http",
        ...(signature === "v2" && { signatureAlgorithm: "v2" }),
      }),
    );
  return { client, port, lastRequest: () => last!, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Sends a raw request (as captured, or altered) to the handler. */
export function send(db: Db, raw: RawRequest) {
  const request: AcsHttpRequest = { method: "POST", path: "/", search: raw.search, header: (name) => raw.headers[name.toLowerCase()] ?? null, body: raw.body };
  return handleAcsRequest(db, request);
}

/** What the SDK reports for a refused call: the HTTP status and the vendor's error code. */
export async function refusal(call: () => Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await call();
  } catch (error) {
    const e = error as { statusCode?: number; code?: string; data?: { statusCode?: number } };
    return { status: e.statusCode ?? e.data?.statusCode ?? 0, code: e.code ?? "" };
  }
  throw new Error("expected the API call to be refused");
}

export { RM };
