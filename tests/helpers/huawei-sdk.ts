/**
 * The official Huawei Cloud SDKs pointed at Mandate's API handler, served on a loopback port (the
 * handler is the route's own; only Next's router is left out), with the last raw request kept so a
 * test can replay or alter it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { BasicCredentials, GlobalCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { Logger4jInstance } from "@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger.js";
import * as ECS from "@huaweicloud/huaweicloud-sdk-ecs/v2/public-api.js";
import * as IAM from "@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js";
import type { Db } from "@/db/client";
import { handleHuaweiRequest } from "@/lib/api/huawei-request";

// The SDK logs each refused call with its request, Authorization header included: keep that out of test output.
Logger4jInstance.level = "off";

export interface RawHuaweiRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: string;
}

export async function startHuaweiServer(db: Db) {
  let last: RawHuaweiRequest | null = null;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
      last = { method: req.method ?? "GET", path: url.pathname, search: url.search.replace(/^\?/, ""), headers, body };
      const answer = await sendHuawei(db, last);
      const empty = answer.status === 204 || req.method === "HEAD";
      res.writeHead(answer.status, { ...answer.headers, ...(empty ? {} : { "content-type": "application/json" }) });
      res.end(empty ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const options = { customUserAgent: "mandate-tests" };
  const iam = (ak: string, sk: string, domainId: string) =>
    IAM.IamClient.newBuilder()
      .withCredential(new GlobalCredentials().withAk(ak).withSk(sk).withDomainId(domainId))
      .withEndpoint(endpoint)
      .withOptions(options)
      .build();
  /** Project-scoped calls (and ECS) take the project — a region here — from the credentials. */
  const iamInProject = (ak: string, sk: string, projectId: string) =>
    IAM.IamClient.newBuilder()
      .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId))
      .withEndpoint(endpoint)
      .withOptions(options)
      .build();
  const ecs = (credential: { access: string; secret: string; securitytoken: string }, projectId: string) =>
    ECS.EcsClient.newBuilder()
      .withCredential(
        new BasicCredentials().withAk(credential.access).withSk(credential.secret).withSecurityToken(credential.securitytoken).withProjectId(projectId),
      )
      .withEndpoint(endpoint)
      .withOptions(options)
      .build();
  return { iam, iamInProject, ecs, endpoint, lastRequest: () => last!, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Sends a raw request (as captured, or altered) to the handler. */
export function sendHuawei(db: Db, raw: RawHuaweiRequest) {
  return handleHuaweiRequest(db, {
    method: raw.method,
    rawPath: raw.path,
    search: raw.search,
    header: (name) => raw.headers[name.toLowerCase()] ?? null,
    body: raw.body,
  });
}

/** What the SDK reports for a refused call: the HTTP status and the vendor's error code. */
export async function huaweiRefusal(call: () => Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await call();
  } catch (error) {
    const e = error as { httpStatusCode?: number; status?: number; errorCode?: string };
    return { status: e.httpStatusCode ?? e.status ?? 0, code: e.errorCode ?? "" };
  }
  throw new Error("expected the API call to be refused");
}

export { ECS, IAM };
