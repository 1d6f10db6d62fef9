/**
 * The official Alibaba Cloud SDK pointed at Mandate's API handler, served on a loopback port.
 */
import * as OpenApi from "@alicloud/openapi-core";
import * as RM from "@alicloud/resourcemanager20200331";
import type { Db } from "@/db/client";
import { type AcsHttpRequest, handleAcsRequest } from "@/lib/api/acs-request";
import { type RawRequest, startLoopback } from "./loopback";

export type { RawRequest };

export async function startAcsServer(db: Db) {
  const server = await startLoopback((raw) => send(db, raw));
  const port = server.port;
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
  return { client, port, lastRequest: server.lastRequest, close: server.close };
}

/** Sends a raw request (as captured, or altered) to the handler. */
export function send(db: Db, raw: Pick<RawRequest, "search" | "headers" | "body">) {
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
