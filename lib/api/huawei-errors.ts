/** Huawei IAM's error answers: `{"error_code":"IAM.xxxx","error_msg":"…"}`, mapped from the console's domain errors. */
import { AccessDeniedError, DomainError, type ErrorCode, ValidationError } from "@/lib/errors";
import { inWords } from "@/messages/words";

export class HuaweiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = (message: string) => new HuaweiError(401, "IAM.0001", message);
export const forbidden = (message: string) => new HuaweiError(403, "IAM.0002", message);
export const notFound = (message: string) => new HuaweiError(404, "IAM.0003", message);
export const badRequest = (message: string) => new HuaweiError(400, "IAM.0011", message);

const statusOf: Partial<Record<ErrorCode, number>> = {
  "agency.not_found": 404,
  "agency.permission_not_found": 404,
  "agency.delegated_account_unknown": 404,
  "policy.not_found": 404,
  "scope.unknown_region": 404,
  "agency.name_taken": 409,
  "agency.last_permission": 409,
  "role.unavailable": 403,
};
const codeOf: Record<number, string> = { 400: "IAM.0011", 401: "IAM.0001", 403: "IAM.0002", 404: "IAM.0003", 409: "IAM.0004" };

/** The API's names for the console's fields, so a message points at what the caller sent. */
const fieldNames: Record<string, string> = {
  name: "name",
  delegatedAccount: "trust_domain_name",
  service: "trust_domain_name",
  validityKind: "duration",
  validityDays: "duration",
  description: "description",
  policyIds: "role_id",
  accountName: "domain_name",
  agencyName: "agency_name",
  durationSeconds: "duration_seconds",
};

/** The vendor's answer for an error the rules raise; undefined for any other (a fault of the server). */
export function huaweiErrorOf(error: unknown): HuaweiError | undefined {
  if (error instanceof HuaweiError) return error;
  // The vendors' APIs answer in English, whatever the console's reader chose.
  const english = (message: string) => inWords("en", message);
  if (error instanceof AccessDeniedError) return forbidden(english(error.message));
  if (error instanceof ValidationError) {
    const [field, messages] = Object.entries(error.fieldErrors)[0] ?? [];
    return badRequest(field === undefined ? english(error.message) : `${fieldNames[field] ?? field}: ${english(messages?.[0] ?? error.message)}`);
  }
  if (error instanceof DomainError) {
    const status = statusOf[error.code] ?? 400;
    return new HuaweiError(status, codeOf[status]!, english(error.message));
  }
  return undefined;
}
