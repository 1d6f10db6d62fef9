/** Typed domain errors. Messages live here once; actions map them to fields or the form. */
import type { AuthzRequest, Decision } from "@/lib/authz/engine";
import { explainDecision } from "@/lib/authz/engine";

export const errorMessages = {
  "validation.failed": "Check the highlighted fields.",
  "access.denied": "You do not have permission to perform this action.",
  "auth.required": "Sign in to continue.",
  "account.not_found": "The account does not exist.",
  "user.not_found": "The user does not exist.",
  "user.name_taken": "A user with this name already exists in this account.",
  "user.self_delete": "You cannot delete the user you are signed in as.",
  "user.already_member": "The user is already a member of this group.",
  "group.not_found": "The user group does not exist.",
  "group.name_taken": "A user group with this name already exists.",
  "policy.not_found": "The policy does not exist.",
  "policy.name_taken": "A policy with this name already exists.",
  "policy.system_readonly": "System policies and roles cannot be changed.",
  "policy.in_use": "The policy is attached to a user group or an agency; remove it from each of them first.",
  "agency.not_found": "The agency does not exist.",
  "agency.name_taken": "An agency with this name already exists in this account.",
  "agency.delegated_account_unknown": "The account does not exist. Enter the name of an existing account.",
  "agency.delegated_self": "You cannot delegate to your own account. Enter the name of another account.",
  "agency.last_permission": "An agency must keep at least one permission; add another before removing this one.",
  "agency.permission_not_found": "The permission does not exist.",
  "access_key.limit": "A user can have at most 2 access keys; delete one before creating another.",
  "access_key.not_found": "The access key does not exist.",
  "access_key.locked": "An administrator deactivated this access key; ask one to activate it again.",
  "role.unavailable": "The agency does not exist, has expired, or does not trust your account.",
  "role.favourite_not_recent": "Only a role you have switched to can be pinned; switch to it first.",
  "role.favourite_not_found": "The role is not one of your favourites.",
  "role.session_not_found": "The session does not exist or has already ended.",
  "sign_in.not_found": "The sign-in does not exist or has already ended.",
  "rd.none": "Your account does not manage a resource directory.",
  "rd.already_member": "Your account already belongs to a resource directory.",
  "rd.folder_not_found": "The folder does not exist.",
  "rd.folder_name_taken": "A folder with this name already exists in the parent folder.",
  "rd.folder_not_empty": "Only an empty folder can be deleted: move its members and delete its subfolders first.",
  "rd.root_readonly": "The Root folder cannot be renamed or deleted.",
  "rd.folder_too_deep": "Folders can be nested at most 5 levels below Root.",
  "rd.member_not_found": "The account is not a member of this resource directory.",
  "rd.invitee_unknown": "The account does not exist. Enter the name of an existing account.",
  "rd.invitee_member": "The account already belongs to a resource directory.",
  "rd.invitee_pending": "The account already has a pending invitation to this resource directory.",
  "rd.invitation_not_found": "The invitation does not exist or has already been answered.",
  "rd.remove_management": "The management account cannot leave or be removed from its resource directory.",
  "rd.service_not_found": "The trusted service does not exist.",
  "rd.service_no_delegation": "This trusted service does not support delegated administrator accounts.",
  "rd.delegate_management": "The management account cannot be specified as a delegated administrator account.",
  "rd.delegate_not_member": "Delegated administrator accounts can only be members of the resource directory.",
  "rd.already_delegated": "The account is already a delegated administrator account of this trusted service.",
  "rd.max_delegated": "This trusted service has reached its maximum number of delegated administrator accounts.",
  "rd.delegate_not_found": "The account is not a delegated administrator account of this trusted service.",
  "rd.trusted_access_in_use": "Remove the delegated administrator accounts of this trusted service before disabling trusted access.",
  "rd.not_delegated_admin": "Your account is not a delegated administrator account of this trusted service.",
  "grant.not_found": "The permission does not exist.",
  "scope.unknown_region": "Select regions from the list.",
  "scope.unknown_project": "Select enterprise projects of this account.",
  "scope.does_not_fit": "The scope does not fit the selected policies: they would grant nothing in it.",
  "resource.not_found": "The resource does not exist.",
  "region.unknown": "Select a region from the list.",
  "project.unknown": "Select an enterprise project of this account.",
  "bucket.name_taken": "A bucket with this name already exists in this account.",
  "ecs.already_in_state": "The instance is already in that state.",
} as const;

export type ErrorCode = keyof typeof errorMessages;

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** The form field the error belongs to, when there is one. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, options: { field?: string; message?: string } = {}) {
    super(options.message ?? errorMessages[code]);
    this.name = "DomainError";
    this.code = code;
    this.field = options.field;
  }
}

export class ValidationError extends DomainError {
  readonly fieldErrors: Record<string, string[]>;

  constructor(fieldErrors: Record<string, string[]>, formErrors: string[] = []) {
    super("validation.failed", { message: formErrors[0] ?? errorMessages["validation.failed"] });
    this.name = "ValidationError";
    this.fieldErrors = fieldErrors;
  }
}

export class AccessDeniedError extends DomainError {
  readonly request: AuthzRequest;
  readonly decision: Decision;

  /** Why, when a rule other than the engine's decision refused it (hand-on, re-delegation). */
  readonly reason: string | undefined;

  constructor(request: AuthzRequest, decision: Decision, refusal?: { reason: string; field?: string | undefined }, remedy?: string) {
    super("access.denied", {
      message:
        refusal?.reason ?? `You do not have permission to perform ${request.action}. ${explainDecision(decision)}${remedy === undefined ? "" : ` ${remedy}`}`,
      ...(refusal?.field === undefined ? {} : { field: refusal.field }),
    });
    this.reason = refusal?.reason;
    this.name = "AccessDeniedError";
    this.request = request;
    this.decision = decision;
  }
}
