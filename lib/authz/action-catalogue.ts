/** Every action the console authorizes, for the policy simulator's suggestions and for reviewers. */
import { rdActions } from "@/lib/rd/actions";
import { trustedServiceCatalogue } from "@/lib/rd/catalogue";

export const actionCatalogue: readonly string[] = [
  ...["list", "get", "create", "delete", "resetPassword", "revokeSessions"].map((op) => `iam:users:${op}`),
  ...["list", "get", "create", "delete", "addUser", "removeUser"].map((op) => `iam:groups:${op}`),
  "iam:permissions:grantRoleToGroup",
  "iam:permissions:revokeRoleFromGroup",
  "iam:permissions:simulate",
  ...["list", "get", "create", "update", "delete"].map((op) => `iam:policies:${op}`),
  ...["list", "get", "create", "update", "delete", "assume", "revokeSession", "switchBack"].map((op) => `iam:agencies:${op}`),
  ...["list", "create", "start", "stop", "delete"].map((op) => `ecs:instances:${op}`),
  ...["list", "create", "delete"].map((op) => `obs:buckets:${op}`),
  "cts:traces:list",
  "cts:traces:get",
  "cts:traces:export",
  ...Object.values(rdActions),
  ...trustedServiceCatalogue.map((s) => `${s.principal}:multiAccount:list`),
];
