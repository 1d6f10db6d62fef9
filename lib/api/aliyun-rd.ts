/**
 * Alibaba Cloud ResourceManager (2020-03-31) over Mandate's resource directory: each API action is
 * one of the console's own domain functions, decided by the same engine and audited the same way.
 */
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/caller";
import { AccessDeniedError, DomainError, ValidationError } from "@/lib/errors";
import {
  delegatedServicesOfMember,
  deregisterDelegatedAdmin,
  listDelegatedAdministrators,
  listTrustedServices,
  myDelegatedServices,
  registerDelegatedAdmin,
} from "@/lib/rd/delegated-admins";
import { rdActions } from "@/lib/rd/actions";
import type { PolicyAction } from "@/lib/authz/action-catalogue";
import { isUuid } from "@/lib/validation";
import { inWords } from "@/messages/words";

// The vendors' APIs answer in English, whatever the console's reader chose.
const english = (message: string) => inWords("en", message);

export class AcsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SUFFIX = ".aliyuncs.com";
/** `cloudfw.aliyuncs.com` ↔ the catalogue's `cloudfw`. */
export const toPrincipal = (servicePrincipal: string) =>
  servicePrincipal.endsWith(SUFFIX) ? servicePrincipal.slice(0, -SUFFIX.length) : `\u0000${servicePrincipal}`;
export const toServicePrincipal = (principal: string) => `${principal}${SUFFIX}`;

const ms = (d: Date) => String(d.getTime());

function param(params: URLSearchParams, name: string, required: true): string;
function param(params: URLSearchParams, name: string, required: false): string | undefined;
function param(params: URLSearchParams, name: string, required: boolean) {
  const value = params.get(name) ?? undefined;
  if (required && (value === undefined || value === "")) throw new AcsError(400, `MissingParameter.${name}`, `The parameter ${name} is required.`);
  if (value !== undefined && value.length > 256) throw new AcsError(400, `InvalidParameter.${name}`, `The parameter ${name} is too long.`);
  return value;
}

function page(params: URLSearchParams) {
  const number = Number(params.get("PageNumber") ?? "1");
  const size = Number(params.get("PageSize") ?? "10");
  if (!Number.isInteger(number) || number < 1 || number > 100_000)
    throw new AcsError(400, "InvalidParameter.PageNumber", "PageNumber must be a whole number from 1.");
  if (!Number.isInteger(size) || size < 1 || size > 100) throw new AcsError(400, "InvalidParameter.PageSize", "PageSize must be a whole number from 1 to 100.");
  return { number, size };
}

function servicePrincipalOf(params: URLSearchParams): string {
  const value = param(params, "ServicePrincipal", true);
  const principal = toPrincipal(value);
  if (!/^[a-z0-9]{1,64}$/.test(principal))
    throw new AcsError(409, "InvalidParameter.ServicePrincipal", `The service principal ${value} is not a trusted service.`);
  return principal;
}

/** The policy action each API action is decided as (the audit trail records the refusal under it). */
export const aliyunActions: Record<string, PolicyAction> = {
  RegisterDelegatedAdministrator: rdActions.register,
  DeregisterDelegatedAdministrator: rdActions.deregister,
  ListDelegatedAdministrators: rdActions.listDelegated,
  ListDelegatedServicesForAccount: rdActions.listDelegated,
  ListTrustedServiceStatus: rdActions.listServices,
};

const domainCodes: Record<string, [number, string]> = {
  "rd.none": [404, "EntityNotExists.ResourceDirectory"],
  "rd.member_not_found": [404, "EntityNotExists.Account"],
  "rd.delegate_not_member": [404, "EntityNotExists.Account"],
  "rd.service_not_found": [409, "InvalidParameter.ServicePrincipal"],
  "rd.service_no_delegation": [409, "InvalidParameter.ServicePrincipal"],
  "rd.already_delegated": [409, "AccountAlreadyRegistered"],
  "rd.delegate_not_found": [409, "AccountNotRegistered"],
  "rd.max_delegated": [409, "DelegatedAccountNumberExceeded"],
  "rd.delegate_management": [409, "CannotRegisterMasterAsDelegatedAdministrator"],
};

/** The vendor's answer for a domain error: its status and code, the console's own message; undefined for a fault of the server. */
export function acsErrorOf(error: unknown): AcsError | undefined {
  if (error instanceof AcsError) return error;
  if (error instanceof AccessDeniedError) return new AcsError(403, "NoPermission", english(error.message));
  if (error instanceof ValidationError) return new AcsError(400, "InvalidParameter", english(error.message));
  if (error instanceof DomainError) {
    const [status, code] = domainCodes[error.code] ?? [400, "InvalidParameter"];
    return new AcsError(status, code, english(error.message));
  }
  return undefined;
}

const idOf = (params: URLSearchParams, name = "AccountId") => {
  const accountId = param(params, name, true);
  if (!isUuid(accountId)) {
    throw new AcsError(404, "EntityNotExists.Account", "The account does not exist.");
  }
  return accountId;
};

async function enabledServices(db: Db, caller: Caller) {
  return (await listTrustedServices(db, caller)).flatMap((s) => (s.enabledAt === null ? [] : [{ principal: s.principal, enabledAt: s.enabledAt }]));
}

/** `AdminAccountId`: the trusted services that account is a delegated administrator of (its own, or a member's). */
async function trustedServicesOfAdmin(db: Db, caller: Caller, accountId: string) {
  const services =
    accountId === caller.accountId
      ? (await myDelegatedServices(db, caller)).map((s) => ({ principal: s.principal, registeredAt: s.registeredAt }))
      : await delegatedServicesOfMember(db, caller, accountId);
  return services.map((s) => ({ principal: s.principal, enabledAt: s.registeredAt }));
}

export async function runAliyunAction(db: Db, caller: Caller, action: string, params: URLSearchParams): Promise<Record<string, unknown>> {
  switch (action) {
    case "RegisterDelegatedAdministrator":
      await registerDelegatedAdmin(db, caller, { service: servicePrincipalOf(params), accountId: idOf(params) });
      return {};
    case "DeregisterDelegatedAdministrator":
      await deregisterDelegatedAdmin(db, caller, { service: servicePrincipalOf(params), accountId: idOf(params) });
      return {};
    case "ListDelegatedAdministrators": {
      const { number, size } = page(params);
      const service = params.has("ServicePrincipal") ? servicePrincipalOf(params) : undefined;
      const all = await listDelegatedAdministrators(db, caller, service);
      return {
        TotalCount: all.length,
        PageNumber: number,
        PageSize: size,
        Accounts: {
          Account: all.slice((number - 1) * size, number * size).map((a) => ({
            AccountId: a.accountId,
            DisplayName: a.name,
            JoinMethod: "invited",
            ServicePrincipal: toServicePrincipal(a.servicePrincipal),
            DelegationEnabledTime: ms(a.registeredAt),
          })),
        },
      };
    }
    case "ListDelegatedServicesForAccount": {
      const services = await trustedServicesOfAdmin(db, caller, idOf(params));
      return {
        DelegatedServices: {
          DelegatedService: services.map((s) => ({
            ServicePrincipal: toServicePrincipal(s.principal),
            DelegationEnabledTime: ms(s.enabledAt),
            Status: "ENABLED",
          })),
        },
      };
    }
    case "ListTrustedServiceStatus": {
      const { number, size } = page(params);
      const enabled = params.has("AdminAccountId")
        ? await trustedServicesOfAdmin(db, caller, idOf(params, "AdminAccountId"))
        : await enabledServices(db, caller);
      return {
        TotalCount: enabled.length,
        PageNumber: number,
        PageSize: size,
        EnabledServicePrincipals: {
          EnabledServicePrincipal: enabled
            .slice((number - 1) * size, number * size)
            .map((s) => ({ ServicePrincipal: toServicePrincipal(s.principal), EnableTime: ms(s.enabledAt) })),
        },
      };
    }
    default:
      throw new AcsError(404, "InvalidAction.NotFound", `The action ${action} is not supported.`);
  }
}
