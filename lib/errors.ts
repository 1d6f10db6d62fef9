/**
 * Typed domain errors. Each is a code; its words are the catalogue's `errors.<code>` (messages/),
 * put into the reader's language at the edge. Actions map them to fields or the form.
 */
import type { AuthzRequest, Decision } from "@/lib/authz/engine";
import { explainDecision } from "@/lib/authz/engine";
import { type Phrase, type PhraseValue, phrase } from "@/lib/i18n/message";

export const errorCodes = [
  "validation.failed",
  "access.denied",
  "auth.required",
  "account.not_found",
  "user.not_found",
  "user.name_taken",
  "user.self_delete",
  "user.already_member",
  "group.not_found",
  "group.name_taken",
  "policy.not_found",
  "policy.name_taken",
  "policy.system_readonly",
  "policy.in_use",
  "agency.not_found",
  "agency.name_taken",
  "agency.delegated_account_unknown",
  "agency.delegated_self",
  "agency.last_permission",
  "agency.permission_not_found",
  "identity_provider.not_found",
  "identity_provider.name_taken",
  "access_key.limit",
  "access_key.not_found",
  "access_key.locked",
  "access_key.federated",
  "user.federated_password",
  "role.unavailable",
  "role.favourite_not_recent",
  "role.favourite_not_found",
  "role.session_not_found",
  "sign_in.not_found",
  "rd.none",
  "rd.already_member",
  "rd.folder_not_found",
  "rd.folder_name_taken",
  "rd.folder_not_empty",
  "rd.root_readonly",
  "rd.folder_too_deep",
  "rd.member_not_found",
  "rd.invitee_unknown",
  "rd.invitee_member",
  "rd.invitee_pending",
  "rd.invitation_not_found",
  "rd.remove_management",
  "rd.service_not_found",
  "rd.service_no_delegation",
  "rd.delegate_management",
  "rd.delegate_not_member",
  "rd.already_delegated",
  "rd.max_delegated",
  "rd.delegate_not_found",
  "rd.trusted_access_in_use",
  "rd.not_delegated_admin",
  "grant.not_found",
  "scope.unknown_region",
  "scope.unknown_project",
  "scope.does_not_fit",
  "resource.not_found",
  "region.unknown",
  "project.unknown",
  "bucket.name_taken",
  "ecs.already_in_state",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** The form field the error belongs to, when there is one. */
  readonly field: string | undefined;

  /** `message`, when given, is a more precise phrase than the code's own (lib/i18n/message.ts). */
  constructor(code: ErrorCode, options: { field?: string; message?: string; values?: Record<string, PhraseValue> } = {}) {
    super(options.message ?? phrase(`errors.${code}`, options.values));
    this.name = "DomainError";
    this.code = code;
    this.field = options.field;
  }
}

export class ValidationError extends DomainError {
  readonly fieldErrors: Record<string, string[]>;

  constructor(fieldErrors: Record<string, string[]>, formErrors: string[] = []) {
    super("validation.failed", formErrors[0] === undefined ? {} : { message: formErrors[0] });
    this.name = "ValidationError";
    this.fieldErrors = fieldErrors;
  }
}

export class AccessDeniedError extends DomainError {
  readonly request: AuthzRequest;
  readonly decision: Decision;

  /** Why, when a rule other than the engine's decision refused it (hand-on, re-delegation). */
  readonly reason: string | undefined;

  constructor(request: AuthzRequest, decision: Decision, refusal?: { reason: string; field?: string | undefined }, remedy?: Phrase) {
    super("access.denied", {
      message:
        refusal?.reason ??
        phrase(remedy === undefined ? "errors.access.deniedAction" : "errors.access.deniedActionRemedy", {
          action: request.action,
          why: explainDecision(decision),
          ...(remedy === undefined ? {} : { remedy }),
        }),
      ...(refusal?.field === undefined ? {} : { field: refusal.field }),
    });
    this.reason = refusal?.reason;
    this.name = "AccessDeniedError";
    this.request = request;
    this.decision = decision;
  }
}
