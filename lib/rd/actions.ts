/** Resource Management actions, named as in the RAM-style policies of the seed. */
export const rdActions = {
  enable: "resourcemanager:EnableResourceDirectory",
  get: "resourcemanager:GetResourceDirectory",
  createFolder: "resourcemanager:CreateFolder",
  updateFolder: "resourcemanager:UpdateFolder",
  deleteFolder: "resourcemanager:DeleteFolder",
  moveAccount: "resourcemanager:MoveAccount",
  invite: "resourcemanager:InviteAccountToResourceDirectory",
  removeAccount: "resourcemanager:RemoveCloudAccount",
  accept: "resourcemanager:AcceptHandshake",
  decline: "resourcemanager:DeclineHandshake",
  leave: "resourcemanager:LeaveResourceDirectory",
  listServices: "resourcemanager:ListTrustedServiceStatus",
  enableService: "resourcemanager:EnableTrustedService",
  disableService: "resourcemanager:DisableTrustedService",
  listDelegated: "resourcemanager:ListDelegatedAdministrators",
  register: "resourcemanager:RegisterDelegatedAdministrator",
  deregister: "resourcemanager:DeregisterDelegatedAdministrator",
  /** A member account's own view: the trusted services it is a delegated administrator of. */
  listMyDelegated: "resourcemanager:ListDelegatedServicesForAccount",
} as const;

/** Any of these lets a principal of the management account see the trusted services and their delegated administrators. */
export const trustedServiceReaders = [rdActions.listServices, rdActions.listDelegated, rdActions.register, rdActions.deregister];
