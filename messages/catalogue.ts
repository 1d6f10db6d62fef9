/**
 * Each language's catalogue: one JSON file per part of the console, under the language's folder.
 * Both languages must hold exactly the same keys and placeholders (tests/i18n/catalogues.test.ts).
 */
import enAccess from "./en/access.json";
import enAccessKeys from "./en/accessKeys.json";
import enAccount from "./en/account.json";
import enAgencies from "./en/agencies.json";
import enAudit from "./en/audit.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDelegatedAdmin from "./en/delegatedAdmin.json";
import enDomain from "./en/domain.json";
import enErrors from "./en/errors.json";
import enFederation from "./en/federation.json";
import enHome from "./en/home.json";
import enIam from "./en/iam.json";
import enNav from "./en/nav.json";
import enNotifications from "./en/notifications.json";
import enRd from "./en/rd.json";
import enResources from "./en/resources.json";
import enRoles from "./en/roles.json";
import enValidation from "./en/validation.json";
import zhAccess from "./zh-CN/access.json";
import zhAccessKeys from "./zh-CN/accessKeys.json";
import zhAccount from "./zh-CN/account.json";
import zhAgencies from "./zh-CN/agencies.json";
import zhAudit from "./zh-CN/audit.json";
import zhAuth from "./zh-CN/auth.json";
import zhCommon from "./zh-CN/common.json";
import zhDelegatedAdmin from "./zh-CN/delegatedAdmin.json";
import zhDomain from "./zh-CN/domain.json";
import zhErrors from "./zh-CN/errors.json";
import zhFederation from "./zh-CN/federation.json";
import zhHome from "./zh-CN/home.json";
import zhIam from "./zh-CN/iam.json";
import zhNav from "./zh-CN/nav.json";
import zhNotifications from "./zh-CN/notifications.json";
import zhRd from "./zh-CN/rd.json";
import zhResources from "./zh-CN/resources.json";
import zhRoles from "./zh-CN/roles.json";
import zhValidation from "./zh-CN/validation.json";

const en = {
  access: enAccess,
  accessKeys: enAccessKeys,
  account: enAccount,
  agencies: enAgencies,
  audit: enAudit,
  auth: enAuth,
  common: enCommon,
  delegatedAdmin: enDelegatedAdmin,
  domain: enDomain,
  errors: enErrors,
  federation: enFederation,
  home: enHome,
  iam: enIam,
  nav: enNav,
  notifications: enNotifications,
  rd: enRd,
  resources: enResources,
  roles: enRoles,
  validation: enValidation,
};

export type Messages = typeof en;

const zhCN: Messages = {
  access: zhAccess,
  accessKeys: zhAccessKeys,
  account: zhAccount,
  agencies: zhAgencies,
  audit: zhAudit,
  auth: zhAuth,
  common: zhCommon,
  delegatedAdmin: zhDelegatedAdmin,
  domain: zhDomain,
  errors: zhErrors,
  federation: zhFederation,
  home: zhHome,
  iam: zhIam,
  nav: zhNav,
  notifications: zhNotifications,
  rd: zhRd,
  resources: zhResources,
  roles: zhRoles,
  validation: zhValidation,
};

export const catalogues = { en, "zh-CN": zhCN } as const;
