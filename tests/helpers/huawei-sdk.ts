/**
 * The official Huawei Cloud SDKs pointed at Mandate's API handler, served on a loopback port.
 */
import { BasicCredentials, GlobalCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { Logger4jInstance } from "@huaweicloud/huaweicloud-sdk-core/logger/log4jLogger.js";
import * as ECS from "@huaweicloud/huaweicloud-sdk-ecs/v2/public-api.js";
import * as IAM from "@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js";
import type { Db } from "@/db/client";
import { handleHuaweiRequest } from "@/lib/api/huawei-request";
import { type RawRequest, startLoopback } from "./loopback";

// The SDK logs each refused call with its request, Authorization header included: keep that out of test output.
Logger4jInstance.level = "off";

export type RawHuaweiRequest = RawRequest;

export async function startHuaweiServer(db: Db) {
  const server = await startLoopback((raw) => sendHuawei(db, raw));
  const endpoint = `http://127.0.0.1:${server.port}`;
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
  return { iam, iamInProject, ecs, endpoint, lastRequest: server.lastRequest, close: server.close };
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
